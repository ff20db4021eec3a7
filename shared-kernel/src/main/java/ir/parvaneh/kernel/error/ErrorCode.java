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
    UNSUPPORTED_MEDIA_TYPE(415, "نوع محتوای درخواست پشتیبانی نمی‌شود", "The request's content type is not supported"),
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
    NOTIFICATION_TEMPLATE_INVALID(400, "متن پیام معتبر نیست؛ فقط جای‌نگه‌دارهای مجاز این نوع پیام را به کار ببرید",
            "The message template is not valid; use only the placeholders this kind of message allows"),
    NOTIFICATION_CONTACT_INVALID(400, "شماره همراه یا نشانی رایانامه معتبر نیست",
            "The mobile number or e-mail address is not valid"),
    LAYER_UNKNOWN(404, "چنین لایه‌ای وجود ندارد", "No such layer"),
    LAYER_IMPORT_INVALID_JSON(400, "فایل GeoJSON خوانا نیست", "The GeoJSON file cannot be read"),
    LAYER_IMPORT_UNKNOWN_CRS(400, "سامانه مختصات اعلام‌شده شناخته نیست", "The declared coordinate reference system is unknown"),
    LAYER_IMPORT_TOO_LARGE(413, "حجم فایل بیش از حد مجاز است", "The upload is larger than allowed"),
    LAYER_IMPORT_EMPTY(400, "فایل هیچ عارضه‌ای ندارد", "The file holds no features"),
    LAYER_IMPORT_WRONG_GEOMETRY_TYPE(400, "نوع هندسه عارضه برای این لایه مجاز نیست",
            "A feature's geometry type is not allowed in this layer"),
    LAYER_IMPORT_EMPTY_GEOMETRY(400, "هندسه عارضه خالی است", "A feature's geometry is empty"),
    LAYER_IMPORT_INVALID_GEOMETRY(400, "هندسه عارضه نامعتبر است (مثلاً خودمتقاطع)",
            "A feature's geometry is not valid (for example self-intersecting)"),
    LAYER_IMPORT_MISSING_ATTRIBUTE(400, "ویژگی لازم عارضه وارد نشده است", "A feature lacks a required attribute"),
    LAYER_IMPORT_INVALID_ATTRIBUTE(400, "مقدار یکی از ویژگی‌های عارضه نامعتبر است", "A feature's attribute is not valid"),
    LAYER_IMPORT_DUPLICATE_PLATE(400, "پلاک ثبتی تکراری است", "A registry plate appears twice"),
    LAYER_IMPORT_OUTSIDE_EXTENT(400, "عارضه خارج از محدوده شهر است", "A feature lies outside the municipality's boundary"),
    LAYER_BOUNDARY_NOT_IN_FORCE(409, "محدوده شهر هنوز بارگذاری و اجرایی نشده است",
            "The municipality has no boundary in force yet; import and activate it first"),
    LAYER_VERSION_ALREADY_IMPORTED(409, "همین نسخه از لایه قبلاً بارگذاری شده است", "This very layer version was imported before"),
    LAYER_VERSION_NOT_FOUND(404, "نسخه لایه یافت نشد", "Layer version not found"),
    LAYER_VERSION_ALREADY_IN_FORCE(409, "این نسخه از همین تاریخ اجرایی است", "This version is already in force from that date"),
    LAYER_ACTIVATION_IN_PAST(400, "تاریخ اجرا نمی‌تواند گذشته باشد", "A version cannot be put in force from a past date"),
    LAYER_NOT_IN_FORCE(404, "برای این تاریخ لایه اجرایی وجود ندارد", "No version of the layer is in force on that date"),
    PARCEL_NOT_FOUND(404, "قطعه یافت نشد", "Parcel not found"),
    PLATE_INVALID(400, "پلاک ثبتی نامعتبر است؛ نمونه درست: ۱۲۳۴/۵۶", "The registry plate is not valid; for example 1234/56"),
    COORDINATES_INVALID(400, "مختصات نامعتبر است", "The coordinates are not valid"),
    BBOX_INVALID(400, "محدوده (bbox) نامعتبر است", "The bounding box is not valid"),
    RULEBOOK_CONTENT_INVALID(422, "محتوای دفترچه ضوابط معتبر نیست (نام یا نوع پرونده، رمزگذاری یا ساختار فشرده)",
            "The rulebook's content is not valid (a file's name or type, its encoding, or the archive)"),
    RULEBOOK_TOO_LARGE(413, "حجم یا تعداد پرونده‌های دفترچه ضوابط بیش از حد مجاز است",
            "The rulebook is larger, or has more files, than allowed"),
    RULEBOOK_MANIFEST_INVALID(422, "شناسنامه دفترچه ضوابط (rulebook.json) معتبر نیست", "The rulebook's manifest (rulebook.json) is not valid"),
    RULEBOOK_DMN_UNPARSABLE(422, "جدول تصمیم DMN خوانا یا معتبر نیست", "A DMN decision file cannot be read or is not valid"),
    RULEBOOK_HIT_POLICY_NOT_ALLOWED(422, "سیاست تطبیق این جدول تصمیم مجاز نیست", "The decision table's hit policy is not allowed"),
    RULEBOOK_UNKNOWN_INPUT(422, "جدول تصمیم از داده‌ای استفاده می‌کند که نه واقعیت شناخته‌شده است، نه پارامتر و نه خروجی تصمیم دیگر",
            "A decision reads a name that is no known fact, parameter or output of another decision"),
    RULEBOOK_MISSING_OUTPUT(422, "هیچ تصمیمی یکی از خروجی‌های الزامی را تولید نمی‌کند", "A required output is produced by no decision"),
    RULEBOOK_OVERLAPPING_ROWS(422, "دو سطر از یک جدول با سیاست UNIQUE می‌توانند هم‌زمان برقرار باشند",
            "Two rows of a UNIQUE table can match the same input"),
    RULEBOOK_GAP_IN_TABLE(422, "مقداری از ورودی در دامنه اعلام‌شده هست که هیچ سطری از جدول آن را پوشش نمی‌دهد",
            "A value within an input's declared domain is covered by no row of the table"),
    RULEBOOK_UNIT_MISMATCH(422, "واحد اعلام‌شده برای ورودی یا خروجی با واحد داده مطابقت ندارد",
            "A declared unit of an input or output disagrees with the unit of the data"),
    RULEBOOK_WRONG_MUNICIPALITY(422, "شناسنامه این دفترچه ضوابط به شهرداری دیگری تعلق دارد",
            "The rulebook's manifest names another municipality"),
    RULEBOOK_VERSION_ALREADY_PUBLISHED(409, "نسخه‌ای با همین شماره قبلاً منتشر شده است؛ نسخه منتشرشده تغییرناپذیر است",
            "A version with this label is already published; a published version never changes"),
    RULEBOOK_EFFECTIVE_IN_PAST(400, "تاریخ اجرای دفترچه ضوابط نمی‌تواند گذشته باشد", "A rulebook cannot come into force on a past date"),
    RULEBOOK_NOT_IN_FORCE(404, "برای این تاریخ دفترچه ضوابط اجرایی وجود ندارد", "No rulebook is in force on that date"),
    RULEBOOK_VERSION_NOT_FOUND(404, "این نسخه از دفترچه ضوابط یافت نشد", "No such rulebook version"),
    ASSESSMENT_NOT_FOUND(404, "دستور نقشه یافت نشد", "Zoning assessment not found"),
    /** The assessment was projected before the query side kept what its certificate prints: rebuild the projection. */
    ASSESSMENT_CERTIFICATE_NOT_READY(409, "گواهی این دستور نقشه هنوز آماده نیست؛ کمی بعد دوباره تلاش کنید",
            "The certificate of this zoning assessment is not ready yet; try again later"),
    PERMIT_APPLICATION_ALREADY_SUBMITTED(409, "این درخواست پروانه قبلاً ثبت شده است", "This permit application was already submitted"),
    /** A command that the application's stage does not allow; the problem names the stage and the command. */
    PERMIT_TRANSITION_NOT_ALLOWED(409, "این اقدام در مرحله فعلی پرونده مجاز نیست",
            "This action is not allowed at the application's current stage"),
    /**
     * The application changed since the decider read it (Axon's {@code ConflictingAggregateVersionException} for a
     * command whose {@code expectedVersion} is behind): reload and decide again.
     */
    PERMIT_APPLICATION_CHANGED(409, "پرونده پس از مشاهده شما تغییر کرده است؛ دوباره بررسی کنید",
            "The application changed since you read it; look again"),
    PERMIT_ASSESSMENT_EXPIRED(422, "اعتبار دستور نقشه به پایان رسیده است؛ دستور نقشه تازه بگیرید",
            "The zoning assessment has expired; obtain a new one"),
    PERMIT_ASSESSMENT_MISMATCH(422, "دستور نقشه به این قطعه، شهرداری یا کاربری تعلق ندارد",
            "The zoning assessment is of another parcel, municipality or use"),
    PERMIT_PROPOSAL_INVALID(422, "مشخصات ساختمان پیشنهادی معتبر نیست", "The proposed building is not valid"),
    PERMIT_DOCUMENT_INVALID(422, "مدرک بارگذاری‌شده معتبر نیست یا مدرک لازم ارائه نشده است",
            "A document reference is not valid, or a required document is missing"),
    PERMIT_NOT_APPLICANT(403, "فقط متقاضی این پرونده می‌تواند این کار را انجام دهد", "Only the applicant may do this"),
    PERMIT_NOT_ASSIGNED_REVIEWER(403, "فقط کارشناس بررسی‌کننده این پرونده می‌تواند تصمیم بگیرد",
            "Only the reviewer assigned to this application may decide it"),
    PERMIT_REVIEWER_NOT_ELIGIBLE(422, "این کارشناس نمی‌تواند بررسی‌کننده این پرونده باشد",
            "This person cannot review this application"),
    PERMIT_SECOND_APPROVER_NOT_ELIGIBLE(403, "تأیید دوم باید توسط کارمند دیگری از همین شهرداری انجام شود",
            "The second approval must come from another staff member of this municipality"),
    PERMIT_DISCRETION_REQUIRED(422, "این تصمیم با نتیجه بررسی خودکار مغایر است و مبنای قانونی و توجیه مکتوب لازم دارد",
            "This decision departs from the automatic result and needs a coded legal basis and a written justification"),
    PERMIT_DISCRETION_PENDING(409, "یک تصمیم موردی منتظر تأیید دوم است", "A discretionary decision awaits its second approval"),
    PERMIT_RULE_CITATION_INVALID(422, "ضابطه یا خروجی استنادشده شناخته نیست", "A cited rule or output is not known"),
    PERMIT_FEE_LINE_UNKNOWN(422, "این ردیف عوارض در پرونده وجود ندارد", "The application has no such fee line"),
    DOCUMENT_NOT_PDF(415, "پرونده بارگذاری‌شده PDF نیست؛ نقشه‌ها و مدارک را به صورت PDF بارگذاری کنید",
            "The uploaded file is not a PDF; upload drawings and documents as PDF"),
    DOCUMENT_TOO_LARGE(413, "حجم پرونده بیش از حد مجاز است", "The file is larger than allowed"),
    DOCUMENT_EMPTY(422, "پرونده خالی است", "The file is empty"),
    DOCUMENT_NOT_FOUND(422, "مدرک استنادشده بارگذاری نشده است؛ نخست آن را بارگذاری کنید",
            "The cited document was never uploaded; upload it first"),
    PAYMENT_SIGNATURE_INVALID(401, "امضای پیام درگاه پرداخت معتبر نیست؛ پرداخت ثبت نشد",
            "The payment gateway's signature is not valid; nothing was recorded"),
    PERMIT_PAYMENT_AMOUNT_MISMATCH(422, "مبلغ پرداخت‌شده با مبلغ قابل پرداخت برابر نیست", "The amount paid is not the amount due"),
    PERMIT_PAYMENT_NOT_DUE(409, "پرداختی برای این پرونده انتظار نمی‌رود", "No payment is due on this application"),
    PERMIT_NUMBER_INVALID(422, "شماره پروانه معتبر نیست؛ نمونه درست: qazvin-1405-000123",
            "The permit number is not valid; for example qazvin-1405-000123"),
    PERMIT_NOT_SUPERVISING_ENGINEER(403, "فقط مهندس ناظر این پروانه می‌تواند گزارش مرحله ثبت کند",
            "Only the permit's supervising engineer may report its stages"),
    PERMIT_STAGE_OUT_OF_ORDER(409, "مراحل ساخت باید به ترتیب پی، اسکلت و نازک‌کاری گزارش شوند",
            "Construction stages are reported in order: foundation, structure, finishing"),
    PERMIT_MEASUREMENT_INVALID(422, "مقادیر اندازه‌گیری‌شده معتبر نیست", "The measured envelope is not valid"),
    PERMIT_COMPLETION_NOT_READY(409, "پرونده برای صدور پایان کار آماده نیست", "The building is not ready for its completion certificate"),
    PERMIT_DEVIATIONS_REMAIN(409, "ساختمان از پروانه تخلف دارد؛ صدور پایان کار ممکن نیست", "The building deviates from its permit"),
    PERMIT_NO_DEVIATIONS(409, "آخرین اندازه‌گیری تخلفی نشان نمی‌دهد", "The last measurement shows no deviation"),
    PERMIT_OBJECTION_DECIDER_CONFLICTED(403, "رسیدگی به اعتراض باید توسط کارشناسی غیر از ردکننده انجام شود",
            "An objection is decided by a reviewer other than the one who rejected"),
    PROJECTION_REBUILD_REFUSED(409, "بازسازی این نمای خواندنی اکنون ممکن نیست",
            "This projection cannot be rebuilt now"),
    REVIEWER_NOT_ENROLLED(404, "این شخص در فهرست کارشناسان بررسی این شهرداری نیست",
            "This person is not on the municipality's roster of reviewers"),
    // Representatives acting with the owner's consent (issue 8).
    REPRESENTATION_CONSENT_REQUIRED(403, "برای این اقدام از طرف مالک، رضایت ثبت‌شده و فعال مالک لازم است",
            "Acting for the owner needs the owner's recorded, active consent covering this file and act"),
    ENGINEER_LICENCE_REQUIRED(403, "شماره پروانه اشتغال مهندس در حساب کاربری ثبت نشده است",
            "The engineer's licence number is not on their account"),
    CONSENT_NOT_OWNER(403, "فقط مالکی که از او رضایت خواسته شده می‌تواند این کار را انجام دهد",
            "Only the owner whose consent was asked may do this"),
    CONSENT_NOT_ENGINEER(403, "فقط مهندسی که درخواست رضایت داده می‌تواند این کار را انجام دهد",
            "Only the engineer who asked for the consent may do this"),
    CONSENT_SCOPE_INVALID(422, "دامنه رضایت (پرونده و اقدام‌ها) معتبر نیست",
            "The consent's scope (file and acts) is not valid"),
    CONSENT_WITHDRAWN(409, "این رضایت پس گرفته شده است", "This consent was withdrawn"),
    CONSENT_ALREADY_GIVEN(409, "این رضایت قبلاً داده شده است", "This consent was already given"),
    CONSENT_REQUEST_EXPIRED(409, "مهلت پاسخ به این درخواست رضایت گذشته است؛ درخواست تازه بدهید",
            "The consent request is no longer open; ask again"),
    CONSENT_OWNER_PHONE_UNKNOWN(409, "شماره همراه مالک در سامانه ثبت نیست؛ مالک باید خودش در درگاه رضایت دهد",
            "The owner's mobile number is not known: the owner must confirm in the portal"),
    CONSENT_CODE_NOT_ISSUED(409, "برای این درخواست رمز یک‌بارمصرفی فرستاده نشده است؛ مالک باید در درگاه رضایت دهد",
            "No one-time code was sent for this request: the owner must confirm in the portal"),
    CONSENT_CODE_WRONG(422, "رمز یک‌بارمصرف نادرست است", "The one-time code is wrong"),
    CONSENT_CODE_EXPIRED(422, "رمز یک‌بارمصرف منقضی شده است؛ رمز تازه بخواهید", "The one-time code has expired; ask for a new one"),
    CONSENT_CODE_USED(409, "این رمز یک‌بارمصرف قبلاً به کار رفته است", "This one-time code was already used"),
    CONSENT_CODE_EXHAUSTED(409, "تلاش‌های مجاز برای این رمز تمام شده است؛ رمز تازه بخواهید",
            "Too many wrong attempts: this code is dead; ask for a new one"),
    CONSENT_CODE_RATE_LIMITED(429, "رمزهای یک‌بارمصرف بیش از حد درخواست شده است؛ بعداً دوباره تلاش کنید",
            "Too many one-time codes were asked for; try again later"),
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
