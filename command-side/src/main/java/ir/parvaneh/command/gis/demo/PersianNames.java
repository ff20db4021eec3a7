package ir.parvaneh.command.gis.demo;

import java.util.List;

/** Street names and Persian digits for the demo fabric, so that maps and facts read like a real city's. */
final class PersianNames {

    static final List<String> ARTERIALS = List.of("خیابان امام خمینی", "بلوار آزادی", "خیابان طالقانی",
            "بلوار نوروزیان", "خیابان پیغمبریه", "خیابان فردوسی", "بلوار آزادگان", "خیابان خیام",
            "خیابان شهید بهشتی", "بلوار جمهوری", "خیابان سپه", "بلوار میرعماد", "خیابان نادری",
            "بلوار دانشگاه", "خیابان ولیعصر", "بلوار کشاورز");

    static final List<String> COLLECTORS = List.of("حافظ", "سعدی", "عطار", "مولوی", "نظامی", "پروین اعتصامی",
            "صائب", "رودکی", "بوعلی سینا", "شهریار", "سهروردی", "عبید زاکانی", "دهخدا", "رازی", "ملاصدرا",
            "نیما", "خواجو", "باباطاهر", "جامی", "فارابی", "ابن یمین", "کمال‌الملک", "فیض", "هاتف");

    static final List<String> LANES = List.of("لاله", "نرگس", "یاس", "اقاقیا", "نسترن", "شقایق", "بنفشه",
            "ارغوان", "سرو", "چنار", "گلستان", "بهار", "مهر", "آفتاب", "سپیده", "نیلوفر");

    private static final char[] DIGITS = {'۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'};

    private PersianNames() {
    }

    static String digits(int number) {
        char[] latin = Integer.toString(number).toCharArray();
        for (int i = 0; i < latin.length; i++) {
            if (latin[i] >= '0' && latin[i] <= '9') {
                latin[i] = DIGITS[latin[i] - '0'];
            }
        }
        return new String(latin);
    }
}
