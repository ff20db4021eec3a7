package ir.parvaneh.command.support;

import jakarta.servlet.ServletContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import java.io.InputStream;

/**
 * A MockMvc request whose body is streamed with no declared length, as a chunked upload arrives: the
 * server cannot refuse it by its Content-Length and must count what it reads.
 */
public final class StreamedUpload extends AbstractMockHttpServletRequestBuilder<StreamedUpload> {

    private final InputStream body;

    private StreamedUpload(String uri, InputStream body) {
        super(HttpMethod.POST);
        uri(uri);
        header("Transfer-Encoding", "chunked");
        this.body = body;
    }

    public static StreamedUpload post(String uri, InputStream body) {
        return new StreamedUpload(uri, body);
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
        return new MockHttpServletRequest(servletContext) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }
        };
    }
}
