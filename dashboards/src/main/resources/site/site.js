/*
 * ebpm-lake static site: draws every declared chart of a page with the bundled Apache ECharts, keeps the table
 * beside it in step with the filters, offers the rows on screen as CSV, and switches between Japanese and English.
 * The data is inside the page (script elements of type application/json): nothing is fetched.
 */
(function () {
  'use strict';

  // Okabe-Ito: distinguishable with the common colour-vision deficiencies.
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  // Viridis: a sequential scale that stays ordered in grey and for colour-blind readers.
  var HEAT = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
  var STATUS = { achieved: '#00795a', on_track: '#0072B2', at_risk: '#9a6400', off_track: '#b84a00', no_data: '#5f5f5f' };
  var SUPPRESSED = '秘匿';
  var charts = [];

  function english() { return document.body.classList.contains('english'); }
  function lang() { return english() ? 'en' : 'ja'; }
  function text(label) { return label ? (label[lang()] || label.ja || '') : ''; }
  function el(tag, attributes, content) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (content !== undefined && content !== null) { node.textContent = content; }
    return node;
  }
  function number(value, digits) {
    if (value === null || value === undefined) { return '—'; }
    return Number(value).toLocaleString(english() ? 'en-GB' : 'ja-JP', { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  // ---- language ----
  function applyLanguage(toEnglish) {
    document.body.classList.toggle('english', toEnglish);
    document.documentElement.setAttribute('lang', toEnglish ? 'en' : 'ja');
    var button = document.getElementById('lang');
    if (button) { button.setAttribute('aria-pressed', toEnglish ? 'true' : 'false'); }
  }
  function storedLanguage() {
    try { return window.localStorage.getItem('ebpm-lake-lang'); } catch (e) { return null; }
  }
  function storeLanguage(value) {
    try { window.localStorage.setItem('ebpm-lake-lang', value); } catch (e) { /* storage may be closed for file pages */ }
  }

  // ---- a chart's rows ----
  function Chart(section) {
    this.section = section;
    this.spec = JSON.parse(section.querySelector('script.chart-spec').textContent);
    this.index = {};
    var self = this;
    this.spec.columns.forEach(function (name, position) { self.index[name] = position; });
    this.state = {};
    this.sort = 'id';
    this.echart = null;
    this.sparks = [];
  }
  Chart.prototype.value = function (row, column) { return row[this.index[column]]; };
  Chart.prototype.hidden = function (row, measure) {
    return Boolean(measure.flag) && this.value(row, measure.flag) === true;
  };
  Chart.prototype.valueText = function (field, value) {
    if (value === null || value === undefined) { return '—'; }
    var labels = field && field.valueLabels;
    if (labels && labels[String(value)]) { return text(labels[String(value)]); }
    return String(value);
  };
  Chart.prototype.optionsOf = function (filter) {
    var seen = {}, options = [], self = this;
    if (filter.all) { options.push({ value: '*', label: english() ? 'All' : 'すべて' }); }
    this.spec.rows.forEach(function (row) {
      var key = String(self.value(row, filter.column));
      if (!seen[key]) {
        seen[key] = true;
        var label = self.valueText(filter, self.value(row, filter.column));
        if (filter.labelColumns) { label = self.value(row, filter.labelColumns[lang()]) || label; }
        options.push({ value: key, label: label });
      }
    });
    return options;
  };
  Chart.prototype.rows = function () {
    var self = this;
    return this.spec.rows.filter(function (row) {
      var keep = true;
      Object.keys(self.state).forEach(function (column) {
        if (self.state[column] !== '*' && String(self.value(row, column)) !== self.state[column]) { keep = false; }
      });
      Object.keys(self.spec.fixed || {}).forEach(function (column) {
        if (String(self.value(row, column)) !== String(self.spec.fixed[column])) { keep = false; }
      });
      return keep;
    });
  };

  // ---- filters ----
  Chart.prototype.buildFilters = function () {
    var self = this, box = this.section.querySelector('.filters');
    box.textContent = '';
    this.spec.filters.forEach(function (filter) {
      var options = self.optionsOf(filter);
      if (!options.length) { return; }
      var values = options.map(function (option) { return option.value; });
      if (self.state[filter.column] === undefined || values.indexOf(self.state[filter.column]) < 0) {
        self.state[filter.column] = filter.initial !== null && values.indexOf(String(filter.initial)) >= 0 ? String(filter.initial) : values[0];
      }
      var label = el('label');
      label.appendChild(el('span', {}, text(filter.label)));
      var select = el('select', { 'data-filter': filter.column });
      options.forEach(function (option) {
        var item = el('option', { value: option.value }, option.label);
        if (option.value === self.state[filter.column]) { item.selected = true; }
        select.appendChild(item);
      });
      select.addEventListener('change', function () { self.state[filter.column] = select.value; self.render(); });
      label.appendChild(select);
      box.appendChild(label);
    });
    if (this.spec.type === 'kpi_table') { this.buildSort(box); }
  };
  Chart.prototype.buildSort = function (box) {
    var self = this, label = el('label');
    label.appendChild(el('span', {}, english() ? 'Sort by' : '並べ替え'));
    var select = el('select', { 'data-sort': 'kpi' });
    [['id', '指標ID順', 'KPI id'], ['progress', '進捗率の低い順', 'Lowest progress first'],
      ['status', '状況（遅れ順）', 'Status, most behind first'], ['due', '報告期限の近い順', 'Due date, soonest first']].forEach(function (choice) {
      var option = el('option', { value: choice[0] }, english() ? choice[2] : choice[1]);
      if (choice[0] === self.sort) { option.selected = true; }
      select.appendChild(option);
    });
    select.addEventListener('change', function () { self.sort = select.value; self.render(); });
    label.appendChild(select);
    box.appendChild(label);
  };

  // ---- table beside the chart ----
  Chart.prototype.labelColumns = function () {
    var names = { ja: {}, en: {} };
    var fields = [this.spec.x, this.spec.series].concat(this.spec.filters);
    fields.forEach(function (field) {
      if (field && field.labelColumns) { names.ja[field.labelColumns.ja] = true; names.en[field.labelColumns.en] = true; }
    });
    return names;
  };
  Chart.prototype.shownColumns = function () {
    var labelled = this.spec.labelled || [], names = this.labelColumns(), other = english() ? names.ja : names.en;
    var fixed = this.spec.fixed || {};
    return this.spec.table.filter(function (column) {
      if (labelled.indexOf(column.column) >= 0 || fixed[column.column] !== undefined) { return false; }
      return !(other[column.column] && !(english() ? names.en : names.ja)[column.column]);
    });
  };
  Chart.prototype.measureOf = function (column) {
    return this.spec.measures.filter(function (measure) { return measure.column === column; })[0];
  };
  Chart.prototype.renderTable = function (rows) {
    var self = this, table = this.section.querySelector('table.data');
    var caption = table.querySelector('caption');
    table.textContent = '';
    table.appendChild(caption);
    var columns = this.shownColumns();
    var head = el('thead'), headRow = el('tr');
    columns.forEach(function (column) { headRow.appendChild(el('th', { scope: 'col', 'class': column.measure ? 'number' : '' }, text(column.label))); });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (row) {
      var tr = el('tr');
      columns.forEach(function (column) {
        var measure = column.measure ? self.measureOf(column.column) : null;
        if (measure && self.hidden(row, measure)) {
          tr.appendChild(el('td', { 'class': 'suppressed number', title: english() ? 'suppressed (small group)' : '少人数の保護のため秘匿' }, SUPPRESSED));
        } else if (measure) {
          tr.appendChild(el('td', { 'class': 'number' }, number(self.value(row, column.column))));
        } else {
          tr.appendChild(el('td', {}, self.valueText(column, self.value(row, column.column))));
        }
      });
      body.appendChild(tr);
    });
    if (!rows.length) {
      var empty = el('tr');
      empty.appendChild(el('td', { colspan: String(columns.length) }, english() ? 'No rows.' : '該当する行はありません。'));
      body.appendChild(empty);
    }
    table.appendChild(body);
  };

  // ---- CSV of the rows on screen, in the same columns as the CSV of all rows ----
  function safeCell(value) {
    var cell = String(value);
    if (/^[=+\-@\t\r]/.test(cell)) { cell = "'" + cell; }
    if (/[",\r\n]/.test(cell)) { cell = '"' + cell.replace(/"/g, '""') + '"'; }
    return cell;
  }
  Chart.prototype.csvOfShown = function () {
    var self = this, rows = this.kpiRows ? this.kpiRows : this.rows();
    var lines = [this.spec.table.map(function (column) { return safeCell(column.label.ja + ' / ' + column.label.en); }).join(',')];
    rows.forEach(function (row) {
      lines.push(self.spec.table.map(function (column) {
        var measure = column.measure ? self.measureOf(column.column) : null;
        if (measure && self.hidden(row, measure)) { return SUPPRESSED; }
        var value = self.value(row, column.column);
        if (value === null || value === undefined) { return ''; }
        return typeof value === 'number' ? String(value) : safeCell(value);
      }).join(','));
    });
    var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    var link = el('a', { href: URL.createObjectURL(blob), download: this.spec.csvName.replace(/\.csv$/, '-shown.csv') });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  // ---- drawing ----
  Chart.prototype.plot = function () {
    var box = this.section.querySelector('.plot');
    if (!box || typeof echarts === 'undefined') { return null; }
    if (!this.echart) { this.echart = echarts.init(box, null, { renderer: 'canvas' }); }
    return this.echart;
  };
  Chart.prototype.categories = function (rows, field) {
    var self = this, seen = {}, values = [];
    rows.forEach(function (row) {
      var value = self.value(row, field.column);
      if (!seen[String(value)]) { seen[String(value)] = true; values.push(value); }
    });
    var declared = field.valueLabels ? Object.keys(field.valueLabels) : [];
    if (declared.length) {
      values.sort(function (a, b) { return declared.indexOf(String(a)) - declared.indexOf(String(b)); });
    }
    return values;
  };
  /** An x value as the reader reads it: a school's or ward's name rather than its code, a grade as 小3. */
  Chart.prototype.xLabel = function (rows, x, value) {
    var self = this;
    if (x.labelColumns) {
      var row = rows.filter(function (candidate) { return String(self.value(candidate, x.column)) === String(value); })[0];
      if (row && self.value(row, x.labelColumns[lang()])) { return self.value(row, x.labelColumns[lang()]); }
    }
    return this.valueText(x, value);
  };
  Chart.prototype.drawCartesian = function (rows) {
    var self = this, spec = this.spec, chart = this.plot();
    if (!chart) { return; }
    var x = spec.x, xs = this.categories(rows, x);
    var first = spec.measures[0];
    var plotted = spec.type === 'stacked_bar' ? spec.measures
      : spec.measures.filter(function (measure) { return measure.unit === first.unit; }).slice(0, spec.series ? 1 : 3);
    var lines = [];
    if (spec.series) {
      this.categories(rows, spec.series).forEach(function (seriesValue) {
        lines.push({ name: self.valueText(spec.series, seriesValue), measure: first, match: function (row) {
          return String(self.value(row, spec.series.column)) === String(seriesValue);
        } });
      });
    } else {
      plotted.forEach(function (measure) { lines.push({ name: text(measure.label), measure: measure, match: function () { return true; } }); });
    }
    var hiddenAt = {};
    var series = lines.map(function (line, seriesIndex) {
      var data = xs.map(function (xValue, position) {
        var row = rows.filter(function (candidate) { return String(self.value(candidate, x.column)) === String(xValue) && line.match(candidate); })[0];
        if (!row) { return null; }
        if (self.hidden(row, line.measure)) { hiddenAt[seriesIndex + ':' + position] = true; return null; }
        return self.value(row, line.measure.column);
      });
      var item = { name: line.name, type: spec.type === 'line' ? 'line' : 'bar', data: data, connectNulls: false };
      if (spec.type === 'stacked_bar') { item.stack = 'total'; }
      if (spec.type === 'line') { item.symbolSize = 8; }
      return item;
    });
    var markers = xs.map(function (xValue, position) {
      var all = lines.length > 0 && lines.every(function (line, seriesIndex) { return hiddenAt[seriesIndex + ':' + position]; });
      return all ? 0 : null;
    });
    if (markers.some(function (marker) { return marker !== null; })) {
      series.push({ name: SUPPRESSED, type: 'scatter', data: markers, symbol: 'rect', symbolSize: [26, 4], itemStyle: { color: '#6b3fa0' },
        label: { show: true, position: 'top', formatter: SUPPRESSED, color: '#6b3fa0', fontWeight: 'bold' }, tooltip: { show: false } });
    }
    chart.setOption({
      color: PALETTE, animation: false,
      aria: { enabled: true, decal: { show: spec.type !== 'line' } },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis', formatter: function (params) {
        var position = params.length ? params[0].dataIndex : 0;
        var shown = [params.length ? params[0].axisValueLabel : ''];
        params.forEach(function (param) {
          var line = lines[param.seriesIndex];
          if (!line) { return; }
          var value = hiddenAt[param.seriesIndex + ':' + position] ? SUPPRESSED : number(param.value) + ' ' + line.measure.unit;
          shown.push(param.marker + param.seriesName + ': ' + value);
        });
        return shown.join('<br>');
      } },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', name: text(x.label), nameLocation: 'middle', nameGap: 28,
        data: xs.map(function (value) { return self.xLabel(rows, x, value); }),
        axisLabel: { interval: 0, rotate: xs.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', name: first.unit, scale: spec.type === 'line', max: spec.type === 'stacked_bar' && first.unit === '%' ? 100 : null },
      series: series
    }, true);
  };
  Chart.prototype.drawMesh = function (rows) {
    var self = this, spec = this.spec, chart = this.plot();
    if (!chart) { return; }
    var extra = spec.extra, measure = spec.measures[0], meshColumn = spec.x.column;
    var all = this.spec.rows.map(function (row) { return self.value(row, measure.column); });
    var maximum = Math.max.apply(null, all.concat([1]));
    var data = rows.map(function (row) {
      var bounds = extra.meshes[self.value(row, meshColumn)];
      return [bounds[1], bounds[0], bounds[3], bounds[2], self.value(row, measure.column), self.value(row, meshColumn)];
    });
    var lons = [], lats = [];
    Object.keys(extra.meshes).forEach(function (code) {
      var bounds = extra.meshes[code]; lats.push(bounds[0], bounds[2]); lons.push(bounds[1], bounds[3]);
    });
    extra.street.forEach(function (point) { lons.push(point[0]); lats.push(point[1]); });
    extra.stations.forEach(function (station) { lons.push(station.lon); lats.push(station.lat); });
    var west = Math.min.apply(null, lons) - 0.004, east = Math.max.apply(null, lons) + 0.004;
    var south = Math.min.apply(null, lats) - 0.002, north = Math.max.apply(null, lats) + 0.002;
    // Widen a narrow strip so the map is at least half as wide as it is tall.
    var minimumSpan = (north - south) * 0.5 / 0.82;
    if (east - west < minimumSpan) {
      var middle = (east + west) / 2; west = middle - minimumSpan / 2; east = middle + minimumSpan / 2;
    }
    var box = this.section.querySelector('.plot');
    var height = box.clientHeight - 90;
    // Keep the map's proportions: a degree of longitude here is about 0.82 of a degree of latitude.
    var width = Math.min(box.clientWidth - 120, height * ((east - west) * 0.82) / (north - south));
    chart.setOption({
      animation: false, aria: { enabled: true },
      tooltip: { trigger: 'item', formatter: function (param) {
        if (param.seriesType === 'custom') { return param.value[5] + '<br>' + text(measure.label) + ': ' + number(param.value[4]) + ' ' + measure.unit; }
        return param.name;
      } },
      grid: { left: 'center', top: 16, width: Math.max(width, 120), height: height },
      xAxis: { type: 'value', min: west, max: east, name: english() ? 'Longitude' : '経度', nameLocation: 'middle', nameGap: 26,
        axisLabel: { formatter: function (v) { return v.toFixed(3); }, hideOverlap: true }, splitNumber: 3 },
      yAxis: { type: 'value', min: south, max: north, name: english() ? 'Latitude' : '緯度', axisLabel: { formatter: function (v) { return v.toFixed(3); } } },
      visualMap: { type: 'continuous', min: 0, max: maximum, dimension: 4, seriesIndex: 0, inRange: { color: HEAT }, orient: 'horizontal',
        left: 'center', bottom: 0, itemHeight: 160, text: [number(maximum, 0), '0'], calculable: false },
      series: [
        { type: 'custom', name: text(measure.label), data: data, encode: { x: [0, 2], y: [1, 3] },
          renderItem: function (params, api) {
            var southWest = api.coord([api.value(0), api.value(1)]), northEast = api.coord([api.value(2), api.value(3)]);
            return { type: 'rect', shape: { x: southWest[0], y: northEast[1], width: northEast[0] - southWest[0], height: southWest[1] - northEast[1] },
              style: { fill: api.visual('color'), stroke: '#ffffff', lineWidth: 1 } };
          } },
        { type: 'line', name: english() ? 'Midosuji' : '御堂筋', data: extra.street, symbol: 'none', lineStyle: { color: '#D55E00', width: 4 },
          silent: true, z: 5, endLabel: { show: true, formatter: english() ? 'Midosuji' : '御堂筋', color: '#D55E00', fontWeight: 'bold' } },
        { type: 'scatter', name: english() ? 'Stations' : '駅', z: 6, symbolSize: 11,
          data: extra.stations.map(function (station) { return { name: english() ? station.en : station.ja, value: [station.lon, station.lat] }; }),
          itemStyle: { color: '#ffffff', borderColor: '#000000', borderWidth: 2 },
          label: { show: true, position: 'left', formatter: function (param) { return param.name; }, color: '#000', backgroundColor: 'rgba(255,255,255,.8)', padding: 2 } }
      ]
    }, true);
  };
  Chart.prototype.drawKpiTrend = function (rows) {
    var self = this, spec = this.spec, chart = this.plot(), kpi = spec.extra.kpi;
    if (!chart) { return; }
    var years = rows.map(function (row) { return self.value(row, 'fiscal_year'); });
    if (kpi.baselineYear !== null) { years.push(kpi.baselineYear); }
    if (kpi.targetYear !== null) { years.push(kpi.targetYear); }
    var bySource = {};
    rows.forEach(function (row) {
      var source = self.value(row, 'source');
      (bySource[source] = bySource[source] || []).push([self.value(row, 'fiscal_year'), self.value(row, 'actual_value')]);
    });
    var series = Object.keys(bySource).map(function (source) {
      var name = source === 'reported' ? (english() ? 'Reported' : '所属報告') : (english() ? 'Derived from the lake' : 'レイクから算出');
      return { name: name, type: 'line', data: bySource[source], symbolSize: 9, lineStyle: { width: 3 } };
    });
    if (kpi.baseline !== null && kpi.target !== null && kpi.baselineYear !== null && kpi.targetYear !== null) {
      series.push({ name: english() ? 'Baseline to target' : '現状値→目標値の軌道', type: 'line', data: [[kpi.baselineYear, kpi.baseline], [kpi.targetYear, kpi.target]],
        lineStyle: { type: 'dashed', color: '#555' }, itemStyle: { color: '#555' }, symbol: 'circle' });
    }
    if (kpi.target !== null && kpi.targetYear !== null) {
      series.push({ name: english() ? 'Target' : '目標値', type: 'scatter', data: [[kpi.targetYear, kpi.target]], symbol: 'diamond', symbolSize: 16,
        itemStyle: { color: '#009E73' } });
    }
    if (kpi.forecast !== null && kpi.targetYear !== null) {
      series.push({ name: english() ? 'Forecast' : '予測', type: 'scatter', data: [[kpi.targetYear, kpi.forecast]], symbol: 'triangle', symbolSize: 14,
        itemStyle: { color: '#E69F00' } });
    }
    var low = years.length ? Math.min.apply(null, years) : 2022, high = years.length ? Math.max.apply(null, years) : 2025;
    if (high === low) { high = low + 1; }
    chart.setOption({
      color: PALETTE, animation: false, aria: { enabled: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'item', formatter: function (param) { return param.seriesName + '<br>' + param.value[0] + ': ' + number(param.value[1]) + ' ' + (kpi.unit || ''); } },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: low, max: high, interval: 1, name: english() ? 'Fiscal year' : '年度', nameLocation: 'middle', nameGap: 26,
        axisLabel: { formatter: function (value) { return english() ? 'FY' + value : value + '年度'; } } },
      yAxis: { type: 'value', name: kpi.unit || '', scale: true },
      series: series
    }, true);
  };

  // ---- the KPI overview ----
  var STATUS_ORDER = ['off_track', 'at_risk', 'no_data', 'on_track', 'achieved'];
  Chart.prototype.renderKpis = function (rows) {
    var self = this, spec = this.spec, table = this.section.querySelector('table.data');
    var statuses = {};
    spec.extra.statuses.forEach(function (status) { statuses[status.code] = status; });
    var sorted = rows.slice();
    var by = {
      id: function (a, b) { return (self.value(a, 'value_area') + self.value(a, 'kpi_id')).localeCompare(self.value(b, 'value_area') + self.value(b, 'kpi_id')); },
      progress: function (a, b) {
        var pa = self.value(a, 'progress_ratio'), pb = self.value(b, 'progress_ratio');
        return (pa === null ? 9 : pa) - (pb === null ? 9 : pb);
      },
      status: function (a, b) { return STATUS_ORDER.indexOf(self.value(a, 'status')) - STATUS_ORDER.indexOf(self.value(b, 'status')); },
      due: function (a, b) {
        var da = self.value(a, 'overdue_since') || self.value(a, 'next_due_on') || '9999', db = self.value(b, 'overdue_since') || self.value(b, 'next_due_on') || '9999';
        return String(da).localeCompare(String(db));
      }
    };
    sorted.sort(by[this.sort] || by.id);
    this.kpiRows = sorted;
    var caption = table.querySelector('caption');
    table.textContent = '';
    table.appendChild(caption);
    var head = el('thead'), headRow = el('tr');
    [['指標ID', 'KPI'], ['評価指標', 'Indicator'], ['状況', 'Status'], ['進捗', 'Progress'], ['推移', 'Trend'],
      ['最新実績／目標', 'Latest / target'], ['報告所属・期限', 'Department, due']].forEach(function (heading, position) {
      headRow.appendChild(el('th', { scope: 'col', 'class': position === 4 ? 'hide-narrow' : '' }, english() ? heading[1] : heading[0]));
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el('tbody');
    this.sparks.forEach(function (spark) { spark.dispose(); });
    this.sparks = [];
    var area = null, pending = [];
    sorted.forEach(function (row) {
      if (self.sort === 'id' && self.value(row, 'value_area') !== area) {
        area = self.value(row, 'value_area');
        var group = el('tr', { 'class': 'area' });
        group.appendChild(el('th', { colspan: '7', scope: 'rowgroup' }, 'VALUE ' + area + ' ' + self.value(row, 'value_area_title_ja')));
        body.appendChild(group);
      }
      var id = self.value(row, 'kpi_id'), status = statuses[self.value(row, 'status')], unit = self.value(row, 'unit') || '';
      var tr = el('tr', { 'data-kpi': id });
      var idCell = el('td');
      idCell.appendChild(el('a', { href: spec.extra.detail.replace('{id}', id) }, id));
      tr.appendChild(idCell);
      var indicator = english() ? (self.value(row, 'kpi_text_en') || self.value(row, 'kpi_text_ja')) : self.value(row, 'kpi_text_ja');
      tr.appendChild(el('td', { 'class': 'kpi-text' }, indicator || self.value(row, 'measure_title_ja')));
      var statusCell = el('td');
      statusCell.appendChild(el('span', { 'class': 'badge status ' + status.code }, english() ? status.en : status.ja));
      tr.appendChild(statusCell);
      var ratio = self.value(row, 'progress_ratio'), progressCell = el('td', { 'class': 'kpi-progress' });
      var bar = el('div', { 'class': 'progress', role: 'img', 'aria-label': ratio === null ? '—' : Math.round(ratio * 100) + '%' });
      var fill = el('span', { 'class': 'bar' });
      fill.style.width = ratio === null ? '0' : Math.max(0, Math.min(100, ratio * 100)) + '%';
      fill.style.background = STATUS[status.code];
      bar.appendChild(fill);
      bar.appendChild(el('span', { 'class': 'label' }, ratio === null ? '—' : Math.round(ratio * 100) + '%'));
      progressCell.appendChild(bar);
      tr.appendChild(progressCell);
      var sparkCell = el('td', { 'class': 'hide-narrow' });
      var history = spec.extra.history[id] || [];
      if (history.length) {
        var spark = el('div', { 'class': 'spark', role: 'img', 'aria-label': (english() ? 'Actuals: ' : '実績：') + history.map(function (point) { return point[0] + ' ' + number(point[1]); }).join(', ') });
        sparkCell.appendChild(spark);
        pending.push([spark, history, STATUS[status.code]]);
      } else {
        sparkCell.textContent = '—';
      }
      tr.appendChild(sparkCell);
      var latest = self.value(row, 'latest_value'), target = self.value(row, 'target_value');
      var figures = el('td', { 'class': 'figures' }, (latest === null ? '—' : number(latest) + unit) + ' ／ '
        + (target === null ? (self.value(row, 'target_text') || '—') : number(target) + unit));
      var baseline = self.value(row, 'baseline_value');
      var baselineText = baseline === null ? (self.value(row, 'baseline_text') || '') : number(baseline) + unit;
      if (baselineText) {
        figures.appendChild(el('br'));
        figures.appendChild(el('small', {}, (english() ? 'baseline ' : '現状値 ') + baselineText));
      }
      tr.appendChild(figures);
      var dutyCell = el('td', { 'class': 'kpi-duty' });
      dutyCell.appendChild(el('div', {}, english() ? self.value(row, 'department_en') : self.value(row, 'department_ja')));
      var overdue = self.value(row, 'overdue_since');
      if (overdue) {
        dutyCell.appendChild(el('strong', { 'class': 'overdue' }, english() ? 'Owed since ' + overdue : overdue + ' から未報告'));
      } else if (self.value(row, 'next_due_on')) {
        dutyCell.appendChild(el('small', {}, (english() ? 'Next due ' : '次回期限 ') + self.value(row, 'next_due_on')));
      }
      tr.appendChild(dutyCell);
      body.appendChild(tr);
    });
    if (!sorted.length) {
      var empty = el('tr');
      empty.appendChild(el('td', { colspan: '7' }, english() ? 'No KPI matches the filters.' : '条件に合うKPIはありません。'));
      body.appendChild(empty);
    }
    table.appendChild(body);
    if (typeof echarts !== 'undefined') {
      pending.forEach(function (item) {
        var spark = echarts.init(item[0], null, { renderer: 'svg' });
        spark.setOption({ animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
          xAxis: { type: 'value', show: false, min: 'dataMin', max: 'dataMax' }, yAxis: { type: 'value', show: false, scale: true },
          series: [{ type: 'line', data: item[1], symbolSize: 4, lineStyle: { width: 2, color: item[2] }, itemStyle: { color: item[2] } }] });
        self.sparks.push(spark);
      });
    }
  };

  Chart.prototype.render = function () {
    var rows = this.rows();
    switch (this.spec.type) {
      case 'kpi_table': this.renderKpis(rows); return;
      case 'mesh_heatmap': this.drawMesh(rows); break;
      case 'kpi_trend': this.drawKpiTrend(rows); break;
      case 'table': break;
      default: this.drawCartesian(rows);
    }
    this.renderTable(rows);
  };
  Chart.prototype.start = function () {
    var self = this;
    this.buildFilters();
    this.render();
    var button = this.section.querySelector('button.csv-shown');
    if (button) { button.addEventListener('click', function () { self.csvOfShown(); }); }
  };

  function init() {
    applyLanguage(storedLanguage() === 'en');
    var button = document.getElementById('lang');
    if (button) {
      button.addEventListener('click', function () {
        applyLanguage(!english());
        storeLanguage(english() ? 'en' : 'ja');
        charts.forEach(function (chart) { chart.buildFilters(); chart.render(); });
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll('section.chart'), function (section) {
      var chart = new Chart(section);
      charts.push(chart);
      chart.start();
    });
    // Tells a waiting reader (and the browser tests) that every chart and table is drawn.
    document.body.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) {
        if (chart.echart) { chart.echart.resize(); if (chart.spec.type === 'mesh_heatmap') { chart.render(); } }
        chart.sparks.forEach(function (spark) { spark.resize(); });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
