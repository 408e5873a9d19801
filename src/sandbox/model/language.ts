/** Which language a prompt is written in, for the reply: Vietnamese or (everything else) English. */
export type ReplyLanguage = "en" | "vi";

/** Letters only Vietnamese uses, and common short words whose accents other languages share (là, gì, và…). */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const VIETNAMESE_WORDS =
  /(^|[\s"'(])(là|gì|và|của|không|những|được|tôi|bạn|hãy|cho|các|chào|xin chào|cảm ơn)(?=$|[\s?.!,:;"')])/iu;
/** Vietnamese typed without diacritics: a few phrases no English prompt contains. */
const UNACCENTED = /\b(xin chao|chao ban|ban la ai|cam on|la gi|tam biet)\b/iu;

export function detectLanguage(prompt: string): ReplyLanguage {
  return VIETNAMESE_LETTERS.test(prompt) || VIETNAMESE_WORDS.test(prompt) || UNACCENTED.test(prompt) ? "vi" : "en";
}
