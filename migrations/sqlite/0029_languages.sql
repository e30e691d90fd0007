-- Marathi (mr), Dari (prs) and Urdu (ur) names of what Mobilise ships: the built-in indicators,
-- the four report templates and their section titles, as 0010 and 0013 gave them in Pashto and
-- Ukrainian. A name an administrator has already set in one of these languages is kept.
INSERT INTO indicator_name (indicator_code, lang, name) VALUES
 ('INST_FORMED', 'mr', 'स्थापन झालेल्या समुदाय संस्था'),
 ('HH_REGISTERED', 'mr', 'नोंदणीकृत कुटुंबे'),
 ('HH_ORGANISED', 'mr', 'संघटित कुटुंबे'),
 ('HH_POOR_REGISTERED', 'mr', 'नोंदणीकृत गरीब कुटुंबे'),
 ('HH_POOR_ORGANISED', 'mr', 'संघटित गरीब कुटुंबे'),
 ('HH_POOR_ORGANISED_PCT', 'mr', 'संघटित गरीब कुटुंबे (%)'),
 ('MEMBERS', 'mr', 'समुदाय संस्थांचे सदस्य'),
 ('ACTIVITIES', 'mr', 'घेतलेले उपक्रम'),
 ('REACH', 'mr', 'पोहोचलेल्या व्यक्ती (अद्वितीय)'),
 ('ATTENDANCES', 'mr', 'उपस्थिती'),
 ('TRAININGS_HELD', 'mr', 'घेतलेली प्रशिक्षणे'),
 ('TRAININGS_PLANNED', 'mr', 'नियोजित प्रशिक्षणे'),
 ('TRAININGS_HELD_PCT', 'mr', 'घेतलेली प्रशिक्षणे (योजनेच्या %)'),
 ('PEOPLE_TRAINED', 'mr', 'प्रशिक्षित व्यक्ती'),
 ('KNOWLEDGE_GAIN', 'mr', 'ज्ञानातील सरासरी प्रमाणित प्रगती'),
 ('FEEDBACK_RECEIVED', 'mr', 'मिळालेले अभिप्राय'),
 ('FEEDBACK_CLOSED', 'mr', 'बंद केलेले अभिप्राय'),
 ('FEEDBACK_CLOSED_ON_TIME', 'mr', 'वेळेत बंद केलेले अभिप्राय'),
 ('FEEDBACK_ON_TIME_PCT', 'mr', 'वेळेत बंद केलेले अभिप्राय (%)'),
 ('SHG_GRADED_A', 'mr', 'A श्रेणीचे स्वयं-सहाय्यता गट'),
 ('INST_BANK', 'mr', 'बँक खाते असलेल्या संस्था'),
 ('SAVINGS', 'mr', 'जमा केलेली बचत'),
 ('INST_FORMED', 'prs', 'نهادهای اجتماعی تشکیل‌شده'),
 ('HH_REGISTERED', 'prs', 'خانوارهای ثبت‌شده'),
 ('HH_ORGANISED', 'prs', 'خانوارهای سازمان‌یافته'),
 ('HH_POOR_REGISTERED', 'prs', 'خانوارهای فقیر ثبت‌شده'),
 ('HH_POOR_ORGANISED', 'prs', 'خانوارهای فقیر سازمان‌یافته'),
 ('HH_POOR_ORGANISED_PCT', 'prs', 'خانوارهای فقیر سازمان‌یافته (٪)'),
 ('MEMBERS', 'prs', 'اعضای نهادهای اجتماعی'),
 ('ACTIVITIES', 'prs', 'فعالیت‌های انجام‌شده'),
 ('REACH', 'prs', 'اشخاص رسیده‌شده (بدون تکرار)'),
 ('ATTENDANCES', 'prs', 'حضورها'),
 ('TRAININGS_HELD', 'prs', 'آموزش‌های برگزارشده'),
 ('TRAININGS_PLANNED', 'prs', 'آموزش‌های پلان‌شده'),
 ('TRAININGS_HELD_PCT', 'prs', 'آموزش‌های برگزارشده (٪ پلان)'),
 ('PEOPLE_TRAINED', 'prs', 'اشخاص آموزش‌دیده'),
 ('KNOWLEDGE_GAIN', 'prs', 'اوسط پیشرفت نرمال‌شدهٔ دانش'),
 ('FEEDBACK_RECEIVED', 'prs', 'نظریات دریافت‌شده'),
 ('FEEDBACK_CLOSED', 'prs', 'نظریات بسته‌شده'),
 ('FEEDBACK_CLOSED_ON_TIME', 'prs', 'نظریات به وقت بسته‌شده'),
 ('FEEDBACK_ON_TIME_PCT', 'prs', 'نظریات به وقت بسته‌شده (٪)'),
 ('SHG_GRADED_A', 'prs', 'گروه‌های خودیاری با درجهٔ A'),
 ('INST_BANK', 'prs', 'نهادهای دارای حساب بانکی'),
 ('SAVINGS', 'prs', 'پس‌انداز جمع‌شده'),
 ('INST_FORMED', 'ur', 'تشکیل شدہ کمیونٹی ادارے'),
 ('HH_REGISTERED', 'ur', 'رجسٹرڈ گھرانے'),
 ('HH_ORGANISED', 'ur', 'منظم گھرانے'),
 ('HH_POOR_REGISTERED', 'ur', 'رجسٹرڈ غریب گھرانے'),
 ('HH_POOR_ORGANISED', 'ur', 'منظم غریب گھرانے'),
 ('HH_POOR_ORGANISED_PCT', 'ur', 'منظم غریب گھرانے (٪)'),
 ('MEMBERS', 'ur', 'کمیونٹی اداروں کے ارکان'),
 ('ACTIVITIES', 'ur', 'منعقدہ سرگرمیاں'),
 ('REACH', 'ur', 'جن افراد تک رسائی ہوئی (منفرد)'),
 ('ATTENDANCES', 'ur', 'حاضریاں'),
 ('TRAININGS_HELD', 'ur', 'منعقدہ تربیتیں'),
 ('TRAININGS_PLANNED', 'ur', 'طے شدہ تربیتیں'),
 ('TRAININGS_HELD_PCT', 'ur', 'منعقدہ تربیتیں (منصوبے کا ٪)'),
 ('PEOPLE_TRAINED', 'ur', 'تربیت یافتہ افراد'),
 ('KNOWLEDGE_GAIN', 'ur', 'علم میں اوسط معیاری بہتری'),
 ('FEEDBACK_RECEIVED', 'ur', 'موصول شدہ آراء'),
 ('FEEDBACK_CLOSED', 'ur', 'بند شدہ آراء'),
 ('FEEDBACK_CLOSED_ON_TIME', 'ur', 'وقت پر بند شدہ آراء'),
 ('FEEDBACK_ON_TIME_PCT', 'ur', 'وقت پر بند شدہ آراء (٪)'),
 ('SHG_GRADED_A', 'ur', 'A درجے کے سیلف ہیلپ گروپ'),
 ('INST_BANK', 'ur', 'بینک اکاؤنٹ والے ادارے'),
 ('SAVINGS', 'ur', 'جمع شدہ بچت')
ON CONFLICT DO NOTHING;

INSERT INTO report_template_name (template_code, lang, name) VALUES
 ('MPR', 'mr', 'मासिक प्रगती अहवाल'),
 ('QPR', 'mr', 'त्रैमासिक प्रगती अहवाल'),
 ('BAR', 'mr', 'सहामाही प्रगती अहवाल'),
 ('APR', 'mr', 'वार्षिक प्रगती अहवाल'),
 ('MPR', 'prs', 'گزارش پیشرفت ماهوار'),
 ('QPR', 'prs', 'گزارش پیشرفت ربعوار'),
 ('BAR', 'prs', 'گزارش پیشرفت شش‌ماهه'),
 ('APR', 'prs', 'گزارش پیشرفت سالانه'),
 ('MPR', 'ur', 'ماہانہ پیش رفت رپورٹ'),
 ('QPR', 'ur', 'سہ ماہی پیش رفت رپورٹ'),
 ('BAR', 'ur', 'ششماہی پیش رفت رپورٹ'),
 ('APR', 'ur', 'سالانہ پیش رفت رپورٹ')
ON CONFLICT DO NOTHING;

INSERT INTO report_section_name (template_code, section, lang, title)
  SELECT t.code, s.section, s.lang, s.title
  FROM report_template t CROSS JOIN (
    SELECT 'Community institutions' AS section, 'mr' AS lang, 'समुदाय संस्था' AS title
    UNION ALL SELECT 'Activities and reach', 'mr', 'उपक्रम आणि पोहोच'
    UNION ALL SELECT 'Trainings', 'mr', 'प्रशिक्षणे'
    UNION ALL SELECT 'Community feedback', 'mr', 'समुदायाचा अभिप्राय'
    UNION ALL SELECT 'Savings and banking', 'mr', 'बचत आणि बँकिंग'
    UNION ALL SELECT 'Community institutions', 'prs', 'نهادهای اجتماعی'
    UNION ALL SELECT 'Activities and reach', 'prs', 'فعالیت‌ها و دسترسی'
    UNION ALL SELECT 'Trainings', 'prs', 'آموزش‌ها'
    UNION ALL SELECT 'Community feedback', 'prs', 'نظریات جامعه'
    UNION ALL SELECT 'Savings and banking', 'prs', 'پس‌انداز و بانکداری'
    UNION ALL SELECT 'Community institutions', 'ur', 'کمیونٹی ادارے'
    UNION ALL SELECT 'Activities and reach', 'ur', 'سرگرمیاں اور رسائی'
    UNION ALL SELECT 'Trainings', 'ur', 'تربیتیں'
    UNION ALL SELECT 'Community feedback', 'ur', 'کمیونٹی کی آراء'
    UNION ALL SELECT 'Savings and banking', 'ur', 'بچت اور بینکاری'
  ) s
  WHERE t.code IN ('MPR', 'QPR', 'BAR', 'APR')
    AND EXISTS (SELECT 1 FROM report_template_item i WHERE i.template_code = t.code AND i.section = s.section)
ON CONFLICT DO NOTHING;
