package ir.parvaneh.kernel.municipality;

/** Whether a municipality accepts new work on the platform. */
public enum MunicipalityStatus {
    ACTIVE,
    SUSPENDED
}
