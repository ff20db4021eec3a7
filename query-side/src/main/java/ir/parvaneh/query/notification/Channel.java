package ir.parvaneh.query.notification;

/** How a message reaches a person. The in-app inbox is always on; SMS and e-mail follow the person's choice. */
public enum Channel {
    SMS,
    EMAIL,
    IN_APP
}
