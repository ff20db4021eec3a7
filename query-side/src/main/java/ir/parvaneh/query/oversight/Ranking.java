package ir.parvaneh.query.oversight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The province's municipalities side by side for one month, ranked by one metric: rank 1 is the best, equal values
 * share a rank (1, 2, 2, 4), and a municipality without the figure comes last without a rank, by slug.
 */
record Ranking(String month, Metric metric, boolean lowerIsBetter, List<Row> rows) {

    record Row(Integer rank, Number value, MonthFigures figures) {
    }

    static Ranking of(JalaliMonth month, Metric metric, List<MonthFigures> province) {
        Comparator<MonthFigures> byValue = Comparator.comparingDouble(f -> metric.of(f).doubleValue());
        List<MonthFigures> ranked = new ArrayList<>(province.stream().filter(f -> metric.of(f) != null)
                .sorted((metric.lowerIsBetter ? byValue : byValue.reversed())
                        .thenComparing(MonthFigures::municipalitySlug))
                .toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            MonthFigures figures = ranked.get(i);
            boolean tie = i > 0 && metric.of(ranked.get(i - 1)).doubleValue() == metric.of(figures).doubleValue();
            rows.add(new Row(tie ? rows.get(i - 1).rank() : i + 1, metric.of(figures), figures));
        }
        province.stream().filter(f -> metric.of(f) == null)
                .sorted(Comparator.comparing(MonthFigures::municipalitySlug))
                .forEach(f -> rows.add(new Row(null, null, f)));
        return new Ranking(month.toString(), metric, metric.lowerIsBetter, rows);
    }
}
