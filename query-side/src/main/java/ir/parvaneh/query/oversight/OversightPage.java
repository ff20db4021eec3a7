package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.query.portal.PortalPage;
import ir.parvaneh.query.portal.PortalProblem;
import ir.parvaneh.query.portal.PortalUser;
import ir.parvaneh.query.portal.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The province's oversight dashboard: every municipality side by side for a Jalali month (volumes, lead times,
 * missed deadlines, discretionary-decision rate, queue-order violations), one chart per chosen figure drawn as
 * inline SVG on the server (no script, no chart library), and the same ranking as the API's CSV. For oversight and
 * the province's administrators, as the API is.
 */
@Controller
@PortalPage
class OversightPage {

    /** The figures the dashboard charts, in the order shown. */
    static final List<Metric> CHARTED = List.of(Metric.submitted, Metric.submissionToIssueMedianDays,
            Metric.reviewMedianDays, Metric.reviewDeadlinesMissed, Metric.discretionaryRate,
            Metric.queueOrderViolations);

    private final OversightReadModel readModel;
    private final SignedIn signedIn;
    private final Clock clock;

    OversightPage(OversightReadModel readModel, SignedIn signedIn, Clock clock) {
        this.readModel = readModel;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    /** One bar of a chart: the town, its figure and the bar's length in percent of the longest. */
    record Bar(String slug, String nameFa, String nameEn, Number value, double percent) {
    }

    record Chart(Metric metric, boolean lowerIsBetter, List<Bar> bars) {
    }

    @GetMapping("/portal/oversight")
    String dashboard(@RequestParam(required = false) String month, @RequestParam(defaultValue = "submitted") String metric,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        overseer(request, response);
        JalaliMonth jalali = month == null || month.isBlank() ? JalaliMonth.of(clock.instant())
                : JalaliMonth.parse(month, "month");
        Metric chosen = Metric.parse(metric);
        List<MonthFigures> province = readModel.province(jalali);
        Ranking ranking = Ranking.of(jalali, chosen, province);
        List<Chart> charts = new ArrayList<>();
        for (Metric charted : CHARTED) {
            charts.add(chart(charted, Ranking.of(jalali, charted, province)));
        }
        model.addAttribute("month", jalali.toString());
        model.addAttribute("previous", shift(jalali, -1).toString());
        model.addAttribute("next", shift(jalali, 1).toString());
        model.addAttribute("metric", chosen.name());
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("ranking", ranking);
        model.addAttribute("charts", charts);
        return "portal/oversight";
    }

    @GetMapping(value = "/portal/oversight/ranking.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam String month, @RequestParam(defaultValue = "submitted") String metric,
                               HttpServletRequest request, HttpServletResponse response) {
        overseer(request, response);
        Ranking ranking = Ranking.of(JalaliMonth.parse(month, "month"), Metric.parse(metric),
                readModel.province(JalaliMonth.parse(month, "month")));
        return OversightController.RANKING_CSV.response(ranking.rows(),
                "oversight-" + ranking.month() + "-" + ranking.metric() + ".csv");
    }

    private void overseer(HttpServletRequest request, HttpServletResponse response) {
        PortalUser user = signedIn.required(request, response);
        if (!user.oversight()) {
            throw PortalProblem.of(ErrorCode.FORBIDDEN_ROLE, "The province's dashboard is for oversight");
        }
    }

    private static Chart chart(Metric metric, Ranking ranking) {
        double max = ranking.rows().stream().filter(r -> r.value() != null)
                .mapToDouble(r -> r.value().doubleValue()).max().orElse(0);
        List<Bar> bars = ranking.rows().stream().filter(r -> r.value() != null)
                .map(r -> new Bar(r.figures().municipalitySlug(), r.figures().municipalityNameFa(),
                        r.figures().municipalityNameEn(), r.value(),
                        max <= 0 ? 0 : Math.max(0.5, 100 * r.value().doubleValue() / max)))
                .toList();
        return new Chart(metric, metric.lowerIsBetter, bars);
    }

    private static JalaliMonth shift(JalaliMonth month, int by) {
        int index = month.year() * 12 + month.month() - 1 + by;
        return new JalaliMonth(index / 12, index % 12 + 1);
    }
}
