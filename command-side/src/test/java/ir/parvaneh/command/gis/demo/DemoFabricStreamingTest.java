package ir.parvaneh.command.gis.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

/** A large city streams out feature by feature: nothing here keeps the output, only counts and hashes it. */
class DemoFabricStreamingTest {

    @Test
    @Timeout(30)
    void aCityOfFiftyThousandParcelsStreamsThroughACountingStream() throws IOException {
        DemoFabric fabric = DemoFabric.generate(new DemoCity("mohammadiyeh", "محمدیه", 36.2226, 50.1757, 50_000),
                ProvincePlan.PROVINCE_SEED);
        MessageDigest digest = DemoFabricDeterminismTest.sha256();
        Counting counting = new Counting();
        try (OutputStream out = new DigestOutputStream(counting, digest)) {
            fabric.write("parcels", out);
        }
        assertThat(fabric.parcelCount()).isEqualTo(50_000);
        assertThat(counting.lines).as("the envelope's two lines and one line a feature").isEqualTo(50_000 + 2);
        assertThat(counting.bytes).isGreaterThan(50_000L * 150);
        assertThat(digest.digest()).hasSize(32);
    }

    /** Counts bytes and lines, and forgets them. */
    private static final class Counting extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
