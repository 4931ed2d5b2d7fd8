package org.ebpmlake.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * Data carried inside a page as JSON in a {@code <script type="application/json">} element: no page fetches
 * anything, so the site opens from a file share as well as from a server. {@code </} is escaped so the data can never
 * close the element.
 */
final class PageJson {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    private PageJson() {
    }

    static String script(String cssClass, Object value) {
        try {
            String json = JSON.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "<\\!--");
            return "<script type=\"application/json\" class=\"" + cssClass + "\">" + json + "</script>\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write page data as JSON", e);
        }
    }
}
