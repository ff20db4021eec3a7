package ir.parvaneh.command.gis.write.importing;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading an upload once it passes the allowed size, whatever its declared length said. */
final class UploadLimit extends FilterInputStream {

    private final long maxBytes;
    private long read;

    UploadLimit(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    static DomainException tooLarge(long maxBytes) {
        return new DomainException(ErrorCode.LAYER_IMPORT_TOO_LARGE, "An upload may hold at most " + maxBytes
                + " bytes; split the layer or ask the platform's operators to raise parvaneh.layers.max-upload-size")
                .with("maxBytes", maxBytes);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }
}
