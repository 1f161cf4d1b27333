package org.moevoprune.core.report;

/** The report's stylesheet, inlined into every report. */
final class Style {

    static final String CSS = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1d1d1f; max-width: 1180px; margin: 24px auto; padding: 0 16px; }
            h1 { font-size: 24px; margin: 0 0 6px; }
            h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .summary { font-size: 15px; }
            .charts { display: flex; flex-wrap: wrap; gap: 8px 18px; }
            figure { margin: 0; }
            figcaption { font-size: 12px; color: #555; text-align: center; }
            svg.chart { background: #fff; overflow: visible; }
            svg text { font-family: system-ui, Helvetica, Arial, sans-serif; }
            .tick { font-size: 11px; fill: #444; }
            .axis-label { font-size: 12px; fill: #222; }
            .grid { stroke: #ececec; stroke-width: 1; }
            .frame { fill: none; stroke: #999; stroke-width: 1; }
            .bar { fill: #1f77b4; }
            .legend { font-size: 12px; color: #444; }
            .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
            .note { font-size: 12px; color: #555; max-width: 900px; }
            table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 9px; text-align: right; vertical-align: top; }
            th { background: #f6f6f6; font-weight: 600; }
            td:first-child, th:first-child { text-align: left; }
            table.settings th { text-align: left; white-space: nowrap; }
            table.settings td { text-align: left; }
            table.ensembles td, table.ensembles th { white-space: nowrap; }
            .up { color: #137333; font-weight: 600; }
            .down { color: #b3261e; }
            .gallery { display: flex; flex-wrap: wrap; gap: 12px; }
            .gradcam img { width: 220px; height: auto; border: 1px solid #ccc; }
            """;

    private Style() {
    }
}
