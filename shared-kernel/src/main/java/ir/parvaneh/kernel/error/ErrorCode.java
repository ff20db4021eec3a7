package ir.parvaneh.kernel.error;

/**
 * The stable error codes of the platform's API. Each maps to one HTTP status and carries a title in
 * Persian and English for the person who reads it (RFC 9457 problem details carry both). Codes are a
 * contract with clients: never rename one; add new ones.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "اطلاعات درخواست معتبر نیست", "The request is not valid"),
    MALFORMED_REQUEST(400, "درخواست قابل خواندن نیست", "The request cannot be read"),
    INVALID_IDENTIFIER(400, "شناسه نامعتبر است", "The identifier is not valid"),
    INVALID_NATIONAL_CODE(400, "کد ملی نامعتبر است", "The national code is not valid"),
    UNAUTHENTICATED(401, "برای این کار باید وارد شوید", "You must sign in to do this"),
    FORBIDDEN_ROLE(403, "نقش شما اجازه این کار را نمی‌دهد", "Your role does not allow this action"),
    FORBIDDEN_MUNICIPALITY(403, "شما از طرف این شهرداری اجازه اقدام ندارید", "You do not act for this municipality"),
    NOT_FOUND(404, "یافت نشد", "Not found"),
    METHOD_NOT_ALLOWED(405, "این روش درخواست پشتیبانی نمی‌شود", "This request method is not supported"),
    CONCURRENT_MODIFICATION(409, "این مورد هم‌زمان تغییر کرده است؛ دوباره تلاش کنید",
            "This item was changed concurrently; try again"),
    MUNICIPALITY_NOT_FOUND(404, "شهرداری یافت نشد", "Municipality not found"),
    MUNICIPALITY_ALREADY_REGISTERED(409, "این شهرداری قبلاً ثبت شده است", "This municipality is already registered"),
    MUNICIPALITY_SLUG_TAKEN(409, "این شناسه نشانی (slug) قبلاً به شهرداری دیگری داده شده است",
            "This slug already belongs to another municipality"),
    MUNICIPALITY_SLUG_INVALID(400, "شناسه نشانی (slug) شهرداری نامعتبر است", "The municipality slug is not valid"),
    MUNICIPALITY_NAME_INVALID(400, "نام شهرداری نامعتبر است", "The municipality name is not valid"),
    MUNICIPALITY_NAME_UNCHANGED(409, "نام جدید با نام فعلی یکسان است", "The new name is the same as the current one"),
    MUNICIPALITY_CENTROID_OUT_OF_RANGE(400, "مختصات مرکز شهر خارج از محدوده ایران است",
            "The city centre lies outside Iran"),
    MUNICIPALITY_ALREADY_SUSPENDED(409, "این شهرداری قبلاً تعلیق شده است", "This municipality is already suspended"),
    MUNICIPALITY_NOT_SUSPENDED(409, "این شهرداری تعلیق نشده است", "This municipality is not suspended"),
    MUNICIPALITY_SUSPENDED(409, "این شهرداری تعلیق شده است", "This municipality is suspended"),
    MUNICIPALITY_PHASE_UNCHANGED(409, "شهرداری هم‌اکنون در همین مرحله برنامه است",
            "The municipality is already in this programme phase"),
    MUNICIPALITY_CONTACT_INVALID(400, "اطلاعات تماس شهرداری نامعتبر است", "The municipality's contact details are not valid"),
    REASON_REQUIRED(400, "ذکر دلیل الزامی است", "A reason is required"),
    INTERNAL_ERROR(500, "خطای داخلی سامانه", "Internal error");

    private final int httpStatus;
    private final String titleFa;
    private final String titleEn;

    ErrorCode(int httpStatus, String titleFa, String titleEn) {
        this.httpStatus = httpStatus;
        this.titleFa = titleFa;
        this.titleEn = titleEn;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String titleFa() {
        return titleFa;
    }

    public String titleEn() {
        return titleEn;
    }
}
