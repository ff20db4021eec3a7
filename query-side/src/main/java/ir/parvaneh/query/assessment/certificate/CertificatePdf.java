package ir.parvaneh.query.assessment.certificate;

import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.Explanation;
import ir.parvaneh.kernel.rulebook.LegalSource;
import ir.parvaneh.kernel.rulebook.ZonePortionOutcome;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.kernel.time.IranTime;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Writes a zoning assessment's certificate as an A4 PDF, right to left, in Vazirmatn (shipped with the application,
 * embedded as a subset). PDFBox places glyphs and nothing more, so every line is shaped and put in visual order by
 * {@link PersianShaper} after it has been broken (lines break between words of the logical text, then each line is
 * reordered on its own, as the bidirectional algorithm requires).
 */
public final class CertificatePdf {

    private static final byte[] REGULAR = font("static/fonts/Vazirmatn-Regular.ttf");
    private static final byte[] BOLD = font("static/fonts/Vazirmatn-Bold.ttf");
    /** The code points the shipped font draws: anything else is printed as "?" rather than failing the request. */
    private static final BitSet DRAWABLE = codePointsOf(REGULAR);

    private static final float MARGIN = 42;
    private static final float FOOTER = 34;
    private static final float LABEL_WIDTH = 150;
    private static final float GAP = 10;
    private static final float QR_SIZE = 112;

    private static final Color INK = new Color(0x1F, 0x29, 0x33);
    private static final Color MUTED = new Color(0x5B, 0x67, 0x73);
    private static final Color ACCENT = new Color(0x0B, 0x5D, 0x6B);
    private static final Color RULE = new Color(0xC9, 0xD2, 0xD8);

    private CertificatePdf() {
    }

    /** The certificate as PDF bytes; {@code printedAt} comes from the application's clock. */
    public static byte[] render(AssessmentCertificate certificate, Instant printedAt) {
        try (PDDocument document = new PDDocument()) {
            Layout layout = new Layout(document,
                    PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
            describe(document, certificate, printedAt);
            write(layout, certificate, printedAt);
            layout.finish(certificate.verificationCode());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the certificate of " + certificate.assessmentId(), e);
        }
    }

    private static void describe(PDDocument document, AssessmentCertificate c, Instant printedAt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("گواهی دستور نقشه " + c.plate() + " — " + c.municipalityNameFa());
        info.setSubject("Zoning assessment certificate " + c.assessmentId());
        info.setAuthor("شهرداری " + c.municipalityNameFa());
        info.setCreator("Parvaneh");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(printedAt.toEpochMilli());
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("fa-IR");
    }

    private static void write(Layout page, AssessmentCertificate c, Instant printedAt) throws IOException {
        page.header(c);

        page.section("مشخصات دستور نقشه");
        page.field("شماره دستور نقشه", PersianShaper.isolated(c.assessmentId()));
        page.field("کد تأیید", PersianShaper.isolated(c.verificationCode()));
        page.field("شهرداری", c.municipalityNameFa());
        page.field("پلاک ثبتی", PersianText.persianDigits(c.plate()));
        if (c.facts().renovationCode() != null) {
            page.field("کد نوسازی", PersianShaper.isolated(c.facts().renovationCode()));
        }
        page.field("کاربری درخواستی", CertificateText.use(c.intendedUse()));
        if (c.requesterName() != null) {
            page.field("درخواست‌کننده", c.requesterName());
        }
        page.field("تاریخ صدور", CertificateText.day(c.issuedOn()));
        page.field("معتبر تا", CertificateText.day(c.validUntil()));
        if (c.asOf() != null) {
            page.field("وضعیت لایه‌ها در تاریخ", CertificateText.day(c.asOf()));
        }

        facts(page, c.facts());
        outputs(page, c);
        basis(page, c);

        page.section("اعتبارسنجی");
        page.paragraph("این گواهی از روی رویداد ثبت‌شده این دستور نقشه در سامانه پروانه تهیه شده است و هر عدد آن با "
                + "ورودی‌ها، ردیف‌های جدول و منبع قانونی‌اش آمده است. برای اطمینان از اصالت آن، رمزینه (QR) بالای برگه را "
                + "بخوانید یا نشانی زیر را باز کنید و کد تأیید را با کد همین برگه مقایسه کنید.", page.regular, 10, INK);
        page.paragraph(PersianShaper.isolated(c.verificationUrl().toString()), page.regular, 9, ACCENT);
        page.paragraph("تاریخ چاپ: " + CertificateText.day(printedAt.atZone(IranTime.ZONE).toLocalDate()) + "، ساعت "
                + PersianText.persianDigits(printedAt.atZone(IranTime.ZONE).format(DateTimeFormatter.ofPattern("HH:mm")))
                + " به وقت تهران", page.regular, 9, MUTED);
    }

    private static void facts(Layout page, ParcelFacts facts) throws IOException {
        page.section("مشخصات قطعه (از لایه‌های رسمی)");
        page.field("مساحت", CertificateText.number(facts.areaM2()) + " متر مربع");
        if (facts.widestPassageWidthM() != null) {
            page.field("عرض گذر اصلی", CertificateText.number(facts.widestPassageWidthM()) + " متر");
        }
        if (facts.mainFrontageLengthM() != null) {
            page.field("طول بر اصلی", CertificateText.number(facts.mainFrontageLengthM()) + " متر");
        }
        if (facts.depthM() != null) {
            page.field("عمق قطعه", CertificateText.number(facts.depthM()) + " متر");
        }
        if (facts.mainFrontageSide() != null) {
            page.field("جهت بر اصلی", CertificateText.SIDES.getOrDefault(facts.mainFrontageSide(), facts.mainFrontageSide()));
        }
        if (!facts.frontages().isEmpty()) {
            page.field("گذرهای مجاور", facts.frontages().stream()
                    .map(f -> f.passageName() + " (عرض " + CertificateText.number(f.widthM()) + " متر، طول بر "
                            + CertificateText.number(f.lengthM()) + " متر)")
                    .collect(Collectors.joining("؛ ")));
        }
        if (!facts.zones().isEmpty()) {
            page.field("پهنه", facts.zones().stream()
                    .map(z -> z.zoneCode() + " (" + CertificateText.number(z.sharePercent()) + " درصد، "
                            + CertificateText.number(z.areaM2()) + " متر مربع)")
                    .collect(Collectors.joining("؛ ")));
        }
        if (facts.unzonedSharePercent() > 0) {
            page.field("بیرون از پهنه‌ها", CertificateText.number(facts.unzonedSharePercent()) + " درصد");
        }
        for (ParcelFacts.OverlayHit overlay : facts.overlays()) {
            page.field("لایه ویژه " + overlay.overlayCode(), (overlay.description() == null ? overlay.kind() : overlay.description())
                    + " (" + CertificateText.number(overlay.sharePercent()) + " درصد قطعه)");
        }
        if (facts.priceRialsPerM2() != null) {
            page.field("قیمت منطقه‌ای (P)", CertificateText.rials(facts.priceRialsPerM2()) + " برای هر متر مربع"
                    + (facts.priceBlockCode() == null ? "" : "، بلوک " + facts.priceBlockCode()));
        }
        for (ParcelFacts.MissingFact missing : facts.missing()) {
            page.field("نامعلوم: " + missing.fact(), missing.reason());
        }
    }

    private static void outputs(Layout page, AssessmentCertificate c) throws IOException {
        page.section("ضوابط محاسبه‌شده برای کاربری " + CertificateText.use(c.intendedUse()));
        for (AssessedOutput output : c.outcome().outputs().stream().sorted(CertificateText.READING_ORDER).toList()) {
            page.field(CertificateText.outputName(output), CertificateText.value(output));
            Explanation why = output.explanation();
            if (why != null) {
                page.note(explanation(why));
                LegalSource source = why.legalSource();
                if (source != null) {
                    page.note("منبع قانونی: " + source.body() + "، مصوبه شماره " + PersianShaper.isolated(source.resolutionNumber())
                            + " مورخ " + CertificateText.printedDate(source.date()) + ": " + source.titleFa());
                }
            }
        }
        List<ZonePortionOutcome> portions = c.outcome().portions();
        if (portions.size() > 1) {
            page.field("ترکیب پهنه‌ها", "قاعده " + c.outcome().combinationRule() + ": " + portions.stream()
                    .map(p -> p.zoneCode() + " (" + CertificateText.number(p.sharePercent()) + " درصد"
                            + (p.governing() ? "، حاکم" : "") + ")")
                    .collect(Collectors.joining("؛ ")));
        }
    }

    private static String explanation(Explanation why) {
        StringBuilder text = new StringBuilder("مبنا: ")
                .append(PersianShaper.isolated((why.decisionName() == null ? why.decisionId() : why.decisionName())
                        + " (" + why.decisionId() + ", " + why.hitPolicy() + ")"));
        if (!why.matchedRows().isEmpty()) {
            text.append("؛ ردیف‌های منطبق: ").append(why.matchedRows().stream()
                    .map(row -> CertificateText.number(row.longValue())).collect(Collectors.joining("، ")));
        }
        if (!why.inputs().isEmpty()) {
            text.append("؛ ورودی‌ها: ").append(why.inputs().entrySet().stream()
                    .map(e -> PersianShaper.isolated(e.getKey() + " = " + e.getValue())).collect(Collectors.joining("، ")));
        }
        if (why.formula() != null) {
            text.append("؛ فرمول: ").append(PersianShaper.isolated(why.formula()));
        }
        return text.toString();
    }

    private static void basis(Layout page, AssessmentCertificate c) throws IOException {
        page.section("نسخه‌های مبنا");
        page.field("دفترچه ضوابط", "نسخه " + PersianShaper.isolated(c.rulebookVersion()));
        page.field("چکیده دفترچه (SHA-256)", PersianShaper.isolated(c.rulebookSha256()));
        for (ParcelFacts.LayerVersionUsed layer : c.facts().layerVersions()) {
            page.field("لایه " + CertificateText.LAYERS.getOrDefault(layer.layer(), layer.layer()),
                    PersianShaper.isolated(layer.versionId()));
            if (layer.effectiveFrom() != null) {
                page.note("در اجرا از " + CertificateText.day(LocalDate.parse(layer.effectiveFrom())));
            }
            page.note("چکیده (SHA-256): " + PersianShaper.isolated(layer.sha256()));
        }
    }

    /** Pages, a cursor and the few things a certificate draws: sections, label/value rows, notes, paragraphs. */
    private static final class Layout {

        private final PDDocument document;
        final PDFont regular;
        final PDFont bold;
        private PDPageContentStream stream;
        private float y;
        private float labelBottom = Float.MAX_VALUE;

        Layout(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        private float right() {
            return PDRectangle.A4.getWidth() - MARGIN;
        }

        private float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            labelBottom = Float.MAX_VALUE;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + FOOTER) {
                newPage();
            }
        }

        void header(AssessmentCertificate c) throws IOException {
            float top = y;
            QrCode.of(c.verificationUrl().toString()).draw(stream, MARGIN, top - QR_SIZE, QR_SIZE);
            float qrBottom = top - QR_SIZE;
            centred(PersianShaper.isolated(c.verificationCode()), bold, 10, MARGIN + QR_SIZE / 2, qrBottom - 12, INK);
            centred("کد تأیید", regular, 8, MARGIN + QR_SIZE / 2, qrBottom - 24, MUTED);

            float textWidth = width() - QR_SIZE - 2 * GAP;
            y = top - 4;
            lines("شهرداری " + c.municipalityNameFa(), bold, 15, INK, right(), textWidth);
            if (c.municipalityNameEn() != null) {
                lines(PersianShaper.isolated("Municipality of " + c.municipalityNameEn() + " · Qazvin province"), regular, 8.5f,
                        MUTED, right(), textWidth);
            }
            y -= 6;
            lines("گواهی دستور نقشه", bold, 22, ACCENT, right(), textWidth);
            lines(PersianShaper.isolated("Zoning assessment certificate"), regular, 9, MUTED, right(), textWidth);
            y -= 4;
            lines("پلاک ثبتی " + PersianText.persianDigits(c.plate()) + " — کاربری درخواستی: "
                    + CertificateText.use(c.intendedUse()), bold, 12, INK, right(), textWidth);
            lines("صادرشده در " + CertificateText.day(c.issuedOn()), regular, 10, INK, right(), textWidth);
            y = Math.min(y, qrBottom - 30) - 6;
            rule(ACCENT, 1.2f);
            y -= 4;
        }

        void section(String title) throws IOException {
            clearLabel();
            ensure(44);
            y -= 10;
            lines(title, bold, 12.5f, ACCENT, right(), width());
            rule(RULE, 0.6f);
            y -= 4;
        }

        /** A label on the right and its value to its left, each wrapped in its own column. */
        void field(String label, String value) throws IOException {
            clearLabel();
            float valueWidth = width() - LABEL_WIDTH - GAP;
            List<String> labelLines = wrap(label, bold, 9.5f, LABEL_WIDTH);
            List<String> valueLines = wrap(value, regular, 10, valueWidth);
            float leading = 15;
            ensure(Math.max(labelLines.size(), valueLines.size()) * leading + 2);
            float top = y;
            for (String line : labelLines) {
                draw(line, bold, 9.5f, MUTED, right(), top -= leading);
            }
            float valueTop = y;
            for (String line : valueLines) {
                draw(line, regular, 10, INK, right() - LABEL_WIDTH - GAP, valueTop -= leading);
            }
            // Notes go on under the value, beside a label that runs longer; the next field starts below both.
            labelBottom = top - 2;
            y = valueTop - 2;
        }

        /** Moves below a label that ran longer than its value and notes. */
        private void clearLabel() {
            y = Math.min(y, labelBottom);
        }

        /** A smaller, muted line under a field's value: its explanation or legal source. */
        void note(String text) throws IOException {
            float noteWidth = width() - LABEL_WIDTH - GAP;
            for (String line : wrap(text, regular, 8, noteWidth)) {
                ensure(12);
                draw(line, regular, 8, MUTED, right() - LABEL_WIDTH - GAP, y -= 12);
            }
            y -= 3;
        }

        void paragraph(String text, PDFont font, float size, Color color) throws IOException {
            clearLabel();
            y -= 2;
            lines(text, font, size, color, right(), width());
        }

        private void lines(String text, PDFont font, float size, Color color, float rightEdge, float maxWidth)
                throws IOException {
            float leading = size * 1.55f;
            for (String line : wrap(text, font, size, maxWidth)) {
                ensure(leading);
                draw(line, font, size, color, rightEdge, y -= leading);
            }
        }

        private void rule(Color color, float thickness) throws IOException {
            y -= 5;
            stream.setStrokingColor(color);
            stream.setLineWidth(thickness);
            stream.moveTo(MARGIN, y);
            stream.lineTo(right(), y);
            stream.stroke();
        }

        /** Draws one line (logical order) ending at {@code rightEdge}, as right-to-left text is aligned. */
        private void draw(String line, PDFont font, float size, Color color, float rightEdge, float baseline)
                throws IOException {
            String visual = fit(PersianShaper.visual(drawable(line)));
            float lineWidth = font.getStringWidth(visual) / 1000 * size;
            show(visual, font, size, color, rightEdge - lineWidth, baseline, stream);
        }

        private void centred(String text, PDFont font, float size, float centre, float baseline, Color color)
                throws IOException {
            String visual = fit(PersianShaper.visual(drawable(text)));
            float lineWidth = font.getStringWidth(visual) / 1000 * size;
            show(visual, font, size, color, centre - lineWidth / 2, baseline, stream);
        }

        private static void show(String visual, PDFont font, float size, Color color, float x, float baseline,
                                 PDPageContentStream stream) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(color);
            stream.newLineAtOffset(x, baseline);
            stream.showText(visual);
            stream.endText();
        }

        /**
         * Breaks logical text into lines no wider than {@code maxWidth}, between words. A left-to-right isolate (a
         * formula, an input, a date) is kept whole on one line where it fits, since half an isolate on each line
         * would lose its order; a word or isolate wider than a line (a hash, a URL) is cut where it must be, each
         * piece an isolate of its own.
         */
        private static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : words(drawable(text))) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                boolean isolate = word.length() > 1 && word.charAt(0) == PersianShaper.LRI
                        && word.charAt(word.length() - 1) == PersianShaper.PDI;
                String rest = isolate ? word.substring(1, word.length() - 1) : word;
                if (isolate && rest.contains(" ")) {
                    // A long left-to-right run (a formula): broken between its own words, each line an isolate.
                    List<String> pieces = wrap(rest, font, size, maxWidth);
                    for (int i = 0; i < pieces.size() - 1; i++) {
                        lines.add(PersianShaper.isolated(pieces.get(i)));
                    }
                    line.append(PersianShaper.isolated(pieces.get(pieces.size() - 1)));
                    continue;
                }
                while (width(rest, font, size) > maxWidth) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                        cut--;
                    }
                    lines.add(isolate ? PersianShaper.isolated(rest.substring(0, cut)) : rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(isolate ? PersianShaper.isolated(rest) : rest);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** The text split at spaces, except spaces inside a left-to-right isolate. */
        private static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == PersianShaper.LRI) {
                    depth++;
                } else if (c == PersianShaper.PDI && depth > 0) {
                    depth--;
                }
                if (c == ' ' && depth == 0) {
                    words.add(word.toString());
                    word.setLength(0);
                } else {
                    word.append(c);
                }
            }
            words.add(word.toString());
            return words;
        }

        private static float width(String logical, PDFont font, float size) throws IOException {
            return font.getStringWidth(fit(PersianShaper.withoutControls(PersianShaper.shape(logical)))) / 1000 * size;
        }

        /** Page numbers and the verification code at the foot of every page, once the page count is known. */
        void finish(String verificationCode) throws IOException {
            stream.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    footer.setStrokingColor(RULE);
                    footer.setLineWidth(0.6f);
                    footer.moveTo(MARGIN, MARGIN + 14);
                    footer.lineTo(right(), MARGIN + 14);
                    footer.stroke();
                    String page = fit(PersianShaper.visual("صفحه " + CertificateText.number(i + 1) + " از "
                            + CertificateText.number(count)));
                    show(page, regular, 8, MUTED, right() - regular.getStringWidth(page) / 1000 * 8, MARGIN, footer);
                    String code = fit(PersianShaper.visual("کد تأیید " + PersianShaper.isolated(verificationCode)));
                    show(code, regular, 8, MUTED, MARGIN, MARGIN, footer);
                }
            }
        }
    }

    /** The text with every code point the font cannot draw replaced by "?", and line breaks and tabs as spaces. */
    static String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || cp == '\r') {
                out.append(' ');
            } else if (cp == 0x200C || cp == 0x200D || (cp >= 0x2066 && cp <= 0x2069) || DRAWABLE.get(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /**
     * Shaped text as the font can draw it: a presentation form the font lacks falls back to its letter (unjoined, but
     * legible), anything else it lacks to "?".
     */
    static String fit(String shaped) {
        StringBuilder out = new StringBuilder(shaped.length());
        shaped.codePoints().forEach(cp -> {
            if (DRAWABLE.get(cp)) {
                out.appendCodePoint(cp);
                return;
            }
            String letter = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            out.append(letter.codePoints().allMatch(DRAWABLE::get) ? letter : "?");
        });
        return out.toString();
    }

    private static byte[] font(String resource) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The certificate's font is missing from the application: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet codePointsOf(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet drawable = new BitSet(0x10000);
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (cmap.getGlyphId(cp) != 0) {
                    drawable.set(cp);
                }
            }
            return drawable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
