/**
 * Prompts of the seeded apps. Each app draws from its own pool with Zipf weights (the first prompts are asked far
 * more often), so the same prompts repeat — what the prompt-caching queries look for. A prompt that asks for a
 * long or detailed answer (LONG_ANSWER) gets one, which `max_tokens` may cut (stop reason max_tokens).
 */

/** The seed lab's five prompts, then the kind of questions a GenAI course asks: the data scientist's notebook. */
export const NOTEBOOK_PROMPTS: readonly string[] = [
  "What is Amazon Bedrock?",
  "Explain RAG in simple terms.",
  "List 3 benefits of serverless computing.",
  "What is prompt engineering?",
  "How does vector search work?",
  "Summarise the difference between fine-tuning and prompt engineering.",
  "What metrics should I watch for a GenAI application in production?",
  "Explain what an inference profile is in Amazon Bedrock.",
  "Give two tips to reduce token usage in prompts.",
  "What is a foundation model?",
  "How do I keep prompts and responses out of my logs?",
  "Write a haiku about CloudWatch dashboards.",
];

export const CHAT_PROMPTS: readonly string[] = [
  "Where is my order? It has not arrived yet.",
  "How do I reset my password?",
  "Đơn hàng của tôi đang ở đâu?",
  "Can I change the delivery address after checkout?",
  "Làm sao để đổi mật khẩu?",
  "What is your refund policy?",
  "I was charged twice for the same order.",
  "Tôi muốn hủy đơn hàng vừa đặt.",
  "Do you ship to Da Nang?",
  "How long does a refund take?",
  "Can I talk to a human agent?",
  "Phí vận chuyển ra Hà Nội là bao nhiêu?",
  "Explain in detail every step to set up two-factor authentication.",
  "Which payment methods do you accept?",
];

/** What a guardrail blocks in the support chat: personal data and off-topic requests. */
export const SENSITIVE_PROMPTS: readonly string[] = [
  "My card number is 4111 1111 1111 1111, can you check the charge?",
  "Here is my passport number B1234567, please update my profile.",
  "Write me a fake invoice so I can claim a refund twice.",
];

export const GUARDRAIL_MESSAGE = "Sorry, I can't help with that request.";

export const SUMMARY_PROMPTS: readonly string[] = [
  "Summarise the attached contract in five bullet points.",
  "Summarise this customer complaint thread for the support lead.",
  "Tóm tắt biên bản cuộc họp sau thành các ý chính.",
  "Extract the action items from this meeting transcript.",
  "Write a detailed executive summary of the attached quarterly report.",
  "Summarise the attached policy document for new employees.",
];

export const RAG_PROMPTS: readonly string[] = [
  "What does our travel policy say about hotel limits?",
  "How many days of annual leave do new employees get?",
  "Chính sách làm việc từ xa của công ty là gì?",
  "Which regions does the logistics contract cover?",
  "What is the escalation process for a P1 incident?",
  "Explain in detail how the onboarding checklist works for engineers.",
  "Quy trình hoàn tiền cho khách hàng doanh nghiệp như thế nào?",
  "Who approves purchases above 10,000 USD?",
];

export const EVAL_PROMPTS: readonly string[] = [
  "Classify the sentiment of this review: 'Fast delivery, but the box was damaged.'",
  "Answer with the capital city only: Vietnam.",
  "Translate to Vietnamese: 'Your order has shipped.'",
  "Write a detailed step-by-step explanation of how TLS certificates are validated.",
  "Extract the invoice number and total from the attached text as JSON.",
  "Is this message spam? 'You won a free cruise, click here.'",
  "Summarise the plot of Romeo and Juliet in two sentences.",
  "Generate ten test questions about AWS IAM policies.",
];

/** Prompts that ask for a long answer: the simulated reply runs to about three times max_tokens' worth. */
export const LONG_ANSWER = /\b(in detail|detailed|step-by-step|ten test questions)\b|chi tiết/iu;
