package org.ebpmlake.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Copies what every page loads into {@code assets/}: the site's style and script, and Apache ECharts with its licence
 * and notice, taken from the ECharts WebJar on the classpath (its version comes from the build, so the jar and the
 * copied file cannot disagree).
 */
final class SiteAssets {
    private SiteAssets() {
    }

    static void copyTo(Path site) {
        Path assets = site.resolve("assets");
        String echarts = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/";
        copy(echarts + "dist/echarts.min.js", assets.resolve("echarts.min.js"));
        copy(echarts + "LICENSE", assets.resolve("echarts-LICENSE.txt"));
        copy(echarts + "NOTICE", assets.resolve("echarts-NOTICE.txt"));
        copy("site/site.css", assets.resolve("site.css"));
        copy("site/site.js", assets.resolve("site.js"));
    }

    static String echartsVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource("site/assets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site/assets.properties", e);
        }
        return properties.getProperty("echarts.version");
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = resource(resource)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath (is the ECharts WebJar a dependency?)");
        }
        return in;
    }
}
