package ir.parvaneh.kernel.permit;

/** The construction stages the supervising engineer reports, in this order. */
public enum ConstructionStage {
    /** پی و فونداسیون */
    FOUNDATION,
    /** اسکلت */
    STRUCTURE,
    /** نازک‌کاری و اتمام */
    FINISHING
}
