package ir.parvaneh.query.assessment.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

/**
 * A QR code drawn as vector squares in the PDF (one filled rectangle per dark module), so it prints sharp at any size
 * and needs no raster image. Error correction level M survives a fold or a stain across about 15% of it.
 */
final class QrCode {

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            // Width and height 0: ZXing returns one cell per module, with the 4-module quiet zone the standard asks for.
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text, e);
        }
    }

    /** Draws it with its lower-left corner at (x, y), {@code size} points square, quiet zone included. */
    void draw(PDPageContentStream page, float x, float y, float size) throws IOException {
        float cell = size / modules.getWidth();
        page.setNonStrokingColor(Color.WHITE);
        page.addRect(x, y, size, size);
        page.fill();
        page.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules.getHeight(); row++) {
            for (int column = 0; column < modules.getWidth(); column++) {
                if (modules.get(column, row)) {
                    page.addRect(x + column * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        page.fill();
    }
}
