/**
 * English answer material for the simulated model, one entry per topic the lab's prompts touch, plus a templated
 * generic answer (`{subject}` / `{Subject}` are filled from the prompt). Points are written so they read well both as
 * bullets and as a numbered list ("List 3 benefits of …").
 */
import type { TopicId, TopicText } from "./topic-types.js";

export const TOPICS_EN: Record<TopicId, TopicText> = {
  greeting: {
    intro: ["Hello! I'm an AI assistant. How can I help you today?", "Hi there! What would you like to know?"],
    points: [],
    outro: [],
  },
  bedrock: {
    intro: [
      "Amazon Bedrock is a fully managed AWS service that gives you access to high-performing foundation models from Amazon and leading AI companies, such as Anthropic, Meta, Mistral AI and Cohere, through a single API. You can build generative AI applications without provisioning or managing any model infrastructure.",
      "Amazon Bedrock is AWS's serverless platform for building generative AI applications. It offers foundation models from Amazon (Nova, Titan) and from providers like Anthropic and Meta behind one consistent API, so you can experiment, customize and deploy without running GPUs yourself.",
    ],
    points: [
      "**Choice of models**: you call different foundation models with the same APIs (InvokeModel, or the model-agnostic Converse API) and switch models by changing an identifier.",
      "**Serverless, pay-per-use**: there are no servers or endpoints to manage; on-demand pricing is per input and output token, with provisioned throughput for steady high volume.",
      "**Customization**: you can fine-tune supported models, or ground them in your own data with Knowledge Bases for Retrieval Augmented Generation (RAG).",
      "**Security and privacy**: your prompts and outputs are not used to train the base models, data stays in your chosen Regions, and access is controlled with IAM.",
      "**Building blocks**: Agents, Guardrails, Knowledge Bases and model evaluation help you move from a prototype to a production application.",
      "**Observability**: model invocation logging sends requests and responses to CloudWatch Logs or Amazon S3, and Bedrock publishes metrics such as Invocations, InvocationLatency and token counts to CloudWatch.",
    ],
    outro: [
      "In short, Bedrock lets you focus on your application while AWS runs the models.",
      "A good first step is to try a prompt in the Bedrock console's playground before calling the API from code.",
    ],
  },
  rag: {
    intro: [
      "RAG (Retrieval Augmented Generation) is a way to make a language model answer from your own information instead of only from what it memorized during training. Before the model writes an answer, the application looks up relevant documents and adds them to the prompt.",
      "Think of RAG (Retrieval Augmented Generation) as an open-book exam for a language model: instead of answering from memory, the model first gets a few relevant pages from your documents and then writes its answer based on them.",
    ],
    points: [
      "**Retrieve**: the user's question is turned into an embedding and used to search a knowledge source, usually a vector database, for the most relevant passages.",
      "**Augment**: the retrieved passages are inserted into the prompt as context, together with the original question and instructions.",
      "**Generate**: the model writes an answer grounded in that context, often with citations pointing back to the source documents.",
      "**Why it helps**: answers stay current without retraining the model, are less likely to be made up, and can use private company data.",
      "**On AWS**: Amazon Bedrock Knowledge Bases takes care of ingestion, chunking, embedding and retrieval for you.",
    ],
    outro: [
      "In simple terms: look it up first, then answer.",
      "The quality of a RAG system depends mostly on retrieval: if the right passages are not found, the model cannot use them.",
    ],
  },
  serverless: {
    intro: [
      "Serverless computing lets you run code and applications without provisioning or managing servers. The cloud provider handles capacity, scaling and patching, and you pay only for what you use.",
      "With serverless computing, the cloud provider runs the infrastructure for you: you deploy functions or managed services, and they scale automatically with demand.",
    ],
    points: [
      "**No server management**: there are no operating systems to patch or instances to size, so teams spend their time on application code instead of infrastructure.",
      "**Automatic scaling**: services such as AWS Lambda scale from zero to thousands of concurrent executions with demand, and back down when traffic drops.",
      "**Pay for value**: you are billed per request and per millisecond of compute, so idle time costs nothing.",
      "**Built-in availability**: serverless services run across multiple Availability Zones by default, giving you fault tolerance without extra design work.",
      "**Faster time to market**: managed building blocks like API Gateway, Lambda, DynamoDB and Step Functions let you ship features quickly.",
    ],
    outro: [
      "The trade-offs to keep in mind are cold starts, execution time limits and a more event-driven way of designing applications.",
    ],
  },
  "prompt-engineering": {
    intro: [
      "Prompt engineering is the practice of designing and refining the instructions you give a large language model so that it produces accurate, useful and consistently formatted output.",
      "Prompt engineering means writing the input for a generative AI model deliberately: stating the task, giving context and examples, and constraining the output, so that the answers are reliable.",
    ],
    points: [
      "**Be clear and specific**: say exactly what you want, who the audience is and what a good answer looks like.",
      "**Provide context**: include the background, data or documents the model needs instead of assuming it knows them.",
      "**Use examples (few-shot prompting)**: one or two input and output examples show the model the pattern to follow.",
      "**Structure the prompt**: separate instructions, context and question, for example with headings or XML tags, and use a system prompt to set the role.",
      "**Specify the output**: ask for a format such as JSON or a bulleted list, and for step-by-step reasoning on complex tasks.",
      "**Iterate and evaluate**: test prompts on several inputs, compare the results and refine; small wording changes can matter.",
    ],
    outro: ["Good prompts are usually the cheapest way to improve results, before reaching for RAG or fine-tuning."],
  },
  "vector-search": {
    intro: [
      "Vector search finds items by meaning rather than by exact keywords. Text, images or other data are converted into embeddings, lists of numbers that capture semantic meaning, and the search returns the items whose vectors are closest to the query's vector.",
      "Vector search (also called semantic search) compares meanings instead of words: every document and every query is represented as a vector, and similar meanings end up close together in that vector space.",
    ],
    points: [
      "**Embedding**: an embedding model, for example Amazon Titan Text Embeddings, turns each document chunk into a vector with hundreds or thousands of dimensions.",
      "**Indexing**: the vectors are stored in a vector index, such as Amazon OpenSearch Service, Aurora PostgreSQL with pgvector, or Amazon S3 Vectors.",
      "**Querying**: the query is embedded with the same model, and the index looks for the nearest vectors using a measure like cosine similarity or Euclidean distance.",
      "**Approximate nearest neighbours**: algorithms such as HNSW avoid comparing the query with every vector, trading a little accuracy for a large gain in speed.",
      "**Filtering and ranking**: results can be combined with metadata filters or keyword search (hybrid search) and re-ranked before they are returned.",
    ],
    outro: [
      'Because similar meanings end up close together, a search for "reset my password" can match a document titled "Account recovery steps".',
      "Vector search is the retrieval engine behind most RAG applications.",
    ],
  },
  monitoring: {
    intro: [
      "Monitoring a generative AI application on AWS combines Amazon Bedrock's built-in telemetry with Amazon CloudWatch, so you can see usage, latency, errors and cost in one place.",
    ],
    points: [
      "**Model invocation logging** records each request and response, with input and output token counts, in CloudWatch Logs or Amazon S3.",
      "**CloudWatch metrics** in the AWS/Bedrock namespace, such as Invocations, InvocationLatency, InputTokenCount and OutputTokenCount, show usage and performance per model.",
      "**CloudWatch Logs Insights** queries the invocation logs, for example to sum tokens per hour or to find the slowest requests.",
      "**Dashboards and alarms** put the key numbers on one screen and notify you when latency, errors or throttling rise.",
      "**Cost awareness**: token counts translate directly into cost, so tracking them per model and per application keeps spending predictable.",
    ],
    outro: [
      "Start by enabling invocation logging, then build a dashboard from the metrics and queries that matter to you.",
    ],
  },
  llm: {
    intro: [
      "A large language model (LLM) is a neural network trained on very large amounts of text to predict the next token in a sequence. That simple objective gives it the ability to answer questions, summarize, translate and write code.",
    ],
    points: [
      "**Tokens**: models read and write text in tokens, pieces of words; in English one token is roughly four characters, and usage and pricing are measured in input and output tokens.",
      "**Context window**: the maximum number of tokens a model can consider at once, covering the prompt, any documents you include and the answer.",
      "**Inference parameters**: settings such as temperature, top_p and max_tokens control how varied and how long the output is.",
      "**Foundation models** are general-purpose models you can use as they are, adapt with prompt engineering or RAG, or fine-tune for a task.",
      "**Limitations**: LLMs can give confident but wrong answers (hallucinations), so important outputs should be grounded and checked.",
    ],
    outro: ["Choosing a model is a balance of quality, latency and cost for your use case."],
  },
  generic: {
    intro: [
      "Here is a short overview of {subject}.",
      "Good question. {Subject} is easiest to understand by looking at what it is for, how it works and what to watch out for.",
    ],
    points: [
      "**Purpose**: start from the problem {subject} is meant to solve and who benefits from it; that frames every other decision.",
      "**How it works**: break {subject} into its main parts and follow how they interact, step by step, from input to result.",
      "**Practical use**: try it on a small, concrete example first, then extend it once the basics behave as expected.",
      "**Trade-offs**: every approach costs something, whether time, money, complexity or risk, so compare {subject} with the alternatives.",
      "**Measure and improve**: decide how you will know it is working, such as a metric, a test or feedback, and iterate from there.",
    ],
    outro: ["If you share more details about your situation, I can give a more specific answer."],
  },
};
