/** Prompts for seeded history: the seed lab's five, then the kind of questions a GenAI course asks. */
export const SEED_PROMPTS: readonly string[] = [
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
