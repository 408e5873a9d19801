/**
 * Vietnamese answer material for the simulated model, used when the prompt is written in Vietnamese. Technical terms
 * stay in English where Vietnamese engineers use them that way (foundation model, token, serverless, embedding).
 */
import type { TopicId, TopicText } from "./topic-types.js";

export const TOPICS_VI: Record<TopicId, TopicText> = {
  greeting: {
    intro: ["Xin chào! Tôi là trợ lý AI. Tôi có thể giúp gì cho bạn hôm nay?", "Chào bạn! Bạn muốn tìm hiểu điều gì?"],
    points: [],
    outro: [],
  },
  bedrock: {
    intro: [
      "Amazon Bedrock là dịch vụ được AWS quản lý hoàn toàn, cho phép bạn dùng các foundation model hiệu năng cao của Amazon và các công ty AI hàng đầu như Anthropic, Meta, Mistral AI, Cohere qua một API duy nhất. Bạn xây dựng ứng dụng generative AI mà không phải cấp phát hay vận hành hạ tầng cho mô hình.",
      "Amazon Bedrock là nền tảng serverless của AWS để xây dựng ứng dụng generative AI. Bedrock cung cấp các foundation model của Amazon (Nova, Titan) và của Anthropic, Meta… sau một API thống nhất, nên bạn có thể thử nghiệm, tùy chỉnh và triển khai mà không cần tự chạy GPU.",
    ],
    points: [
      "**Nhiều lựa chọn mô hình**: gọi các mô hình khác nhau bằng cùng một API (InvokeModel hoặc Converse) và đổi mô hình chỉ bằng cách đổi mã định danh.",
      "**Serverless, trả theo mức dùng**: không có máy chủ hay endpoint phải quản lý; giá on-demand tính theo số token đầu vào và đầu ra.",
      "**Tùy chỉnh**: fine-tune các mô hình được hỗ trợ, hoặc gắn mô hình với dữ liệu của bạn qua Knowledge Bases theo kiểu RAG.",
      "**Bảo mật và quyền riêng tư**: prompt và kết quả của bạn không được dùng để huấn luyện mô hình gốc, dữ liệu ở trong các Region bạn chọn, quyền truy cập kiểm soát bằng IAM.",
      "**Khả năng quan sát**: model invocation logging ghi lại request và response vào CloudWatch Logs hoặc S3, còn các metric như Invocations, InvocationLatency và số token được gửi lên CloudWatch.",
    ],
    outro: [
      "Nói ngắn gọn, Bedrock để bạn tập trung vào ứng dụng, còn AWS lo việc vận hành mô hình.",
      "Bước đầu tiên nên làm là thử một prompt trong playground của Bedrock console trước khi gọi API từ code.",
    ],
  },
  rag: {
    intro: [
      "RAG (Retrieval Augmented Generation) là cách để mô hình ngôn ngữ trả lời dựa trên thông tin của chính bạn, thay vì chỉ dựa vào những gì nó đã học khi huấn luyện. Trước khi mô hình viết câu trả lời, ứng dụng tìm các tài liệu liên quan và đưa chúng vào prompt.",
      "Có thể hình dung RAG như một bài thi được mở sách: thay vì trả lời theo trí nhớ, mô hình được đưa vài trang tài liệu liên quan rồi mới viết câu trả lời dựa trên đó.",
    ],
    points: [
      "**Truy xuất (Retrieve)**: câu hỏi được chuyển thành embedding và dùng để tìm những đoạn văn liên quan nhất trong kho tri thức, thường là một vector database.",
      "**Bổ sung (Augment)**: các đoạn tìm được được chèn vào prompt làm ngữ cảnh, cùng với câu hỏi gốc và chỉ dẫn.",
      "**Sinh câu trả lời (Generate)**: mô hình viết câu trả lời dựa trên ngữ cảnh đó, thường kèm trích dẫn nguồn.",
      "**Lợi ích**: câu trả lời luôn cập nhật mà không cần huấn luyện lại, ít bịa đặt hơn và dùng được dữ liệu nội bộ.",
      "**Trên AWS**: Amazon Bedrock Knowledge Bases lo các bước nạp tài liệu, chia đoạn, tạo embedding và truy xuất.",
    ],
    outro: [
      "Nói đơn giản: tra cứu trước, trả lời sau.",
      "Chất lượng của hệ thống RAG phụ thuộc nhiều nhất vào bước truy xuất.",
    ],
  },
  serverless: {
    intro: [
      "Serverless computing cho phép bạn chạy code và ứng dụng mà không phải cấp phát hay quản lý máy chủ. Nhà cung cấp cloud lo dung lượng, mở rộng và vá lỗi, còn bạn chỉ trả tiền cho phần mình thực sự dùng.",
    ],
    points: [
      "**Không phải quản lý máy chủ**: không có hệ điều hành cần vá hay instance cần chọn cỡ, nên đội ngũ dồn thời gian cho code ứng dụng.",
      "**Tự động mở rộng**: các dịch vụ như AWS Lambda tăng từ 0 lên hàng nghìn lượt chạy đồng thời theo nhu cầu rồi tự thu nhỏ lại.",
      "**Trả tiền theo giá trị**: tính phí theo số request và số mili giây xử lý, thời gian rảnh không tốn tiền.",
      "**Sẵn sàng cao có sẵn**: dịch vụ serverless chạy trên nhiều Availability Zone theo mặc định.",
      "**Ra sản phẩm nhanh hơn**: các khối dựng sẵn như API Gateway, Lambda, DynamoDB, Step Functions giúp phát hành tính năng nhanh.",
    ],
    outro: ["Những điểm cần cân nhắc là cold start, giới hạn thời gian chạy và cách thiết kế hướng sự kiện."],
  },
  "prompt-engineering": {
    intro: [
      "Prompt engineering là việc thiết kế và tinh chỉnh chỉ dẫn đưa cho mô hình ngôn ngữ lớn để nó tạo ra kết quả chính xác, hữu ích và có định dạng nhất quán.",
    ],
    points: [
      "**Rõ ràng và cụ thể**: nói chính xác bạn muốn gì, cho ai và một câu trả lời tốt trông như thế nào.",
      "**Cung cấp ngữ cảnh**: đưa vào thông tin, dữ liệu hoặc tài liệu mà mô hình cần thay vì giả định nó đã biết.",
      "**Dùng ví dụ (few-shot)**: một hai cặp đầu vào và đầu ra mẫu cho mô hình thấy khuôn mẫu cần theo.",
      "**Cấu trúc prompt**: tách chỉ dẫn, ngữ cảnh và câu hỏi, và dùng system prompt để đặt vai trò.",
      "**Chỉ định đầu ra và lặp lại**: yêu cầu định dạng như JSON, thử trên nhiều đầu vào rồi tinh chỉnh dần.",
    ],
    outro: ["Prompt tốt thường là cách rẻ nhất để cải thiện kết quả trước khi nghĩ tới RAG hay fine-tuning."],
  },
  "vector-search": {
    intro: [
      "Vector search tìm kiếm theo ý nghĩa thay vì theo từ khóa chính xác. Văn bản, hình ảnh hay dữ liệu khác được chuyển thành embedding, tức là các dãy số biểu diễn ngữ nghĩa, và kết quả là những mục có vector gần với vector của câu truy vấn nhất.",
    ],
    points: [
      "**Tạo embedding**: một embedding model, ví dụ Amazon Titan Text Embeddings, biến mỗi đoạn tài liệu thành một vector hàng trăm hay hàng nghìn chiều.",
      "**Lập chỉ mục**: các vector được lưu trong vector index như Amazon OpenSearch Service, Aurora PostgreSQL với pgvector, hoặc Amazon S3 Vectors.",
      "**Truy vấn**: câu hỏi được tạo embedding bằng cùng mô hình, rồi chỉ mục tìm các vector gần nhất theo cosine similarity hoặc khoảng cách Euclid.",
      "**Láng giềng gần đúng**: thuật toán như HNSW không so với mọi vector, đổi một chút độ chính xác lấy tốc độ cao hơn nhiều.",
      "**Lọc và xếp hạng**: kết hợp với bộ lọc metadata hoặc tìm theo từ khóa (hybrid search) rồi xếp hạng lại.",
    ],
    outro: ["Vector search chính là bộ máy truy xuất phía sau hầu hết các ứng dụng RAG."],
  },
  monitoring: {
    intro: [
      "Giám sát ứng dụng generative AI trên AWS là kết hợp dữ liệu đo đạc có sẵn của Amazon Bedrock với Amazon CloudWatch, để thấy mức sử dụng, độ trễ, lỗi và chi phí ở cùng một chỗ.",
    ],
    points: [
      "**Model invocation logging** ghi lại từng request và response, kèm số token đầu vào và đầu ra, vào CloudWatch Logs hoặc Amazon S3.",
      "**Metric CloudWatch** trong namespace AWS/Bedrock như Invocations, InvocationLatency, InputTokenCount, OutputTokenCount cho thấy mức dùng và hiệu năng theo từng mô hình.",
      "**CloudWatch Logs Insights** truy vấn log, ví dụ tính tổng token theo giờ hoặc tìm các request chậm nhất.",
      "**Dashboard và alarm** đưa các con số chính lên một màn hình và báo cho bạn khi độ trễ, lỗi hay throttling tăng.",
    ],
    outro: [
      "Hãy bắt đầu bằng việc bật invocation logging, rồi dựng dashboard từ các metric và truy vấn quan trọng với bạn.",
    ],
  },
  llm: {
    intro: [
      "Mô hình ngôn ngữ lớn (LLM) là mạng nơ-ron được huấn luyện trên lượng văn bản rất lớn để dự đoán token tiếp theo. Mục tiêu đơn giản đó giúp nó trả lời câu hỏi, tóm tắt, dịch và viết code.",
    ],
    points: [
      "**Token**: mô hình đọc và viết theo token, tức là các mảnh của từ; với tiếng Anh một token khoảng bốn ký tự, và chi phí được tính theo token đầu vào và đầu ra.",
      "**Context window**: số token tối đa mô hình xét cùng lúc, gồm prompt, tài liệu đưa vào và câu trả lời.",
      "**Tham số suy luận**: temperature, top_p và max_tokens điều chỉnh độ đa dạng và độ dài của đầu ra.",
      "**Giới hạn**: LLM có thể trả lời sai một cách tự tin (hallucination), nên kết quả quan trọng cần được kiểm chứng.",
    ],
    outro: ["Chọn mô hình là cân bằng giữa chất lượng, độ trễ và chi phí cho bài toán của bạn."],
  },
  generic: {
    intro: [
      "Sau đây là tổng quan ngắn về {subject}.",
      "Câu hỏi hay. Để hiểu {subject}, nên xem nó dùng để làm gì, hoạt động ra sao và cần lưu ý điều gì.",
    ],
    points: [
      "**Mục đích**: bắt đầu từ vấn đề mà {subject} giải quyết và ai được lợi; điều đó định hướng mọi quyết định khác.",
      "**Cách hoạt động**: chia {subject} thành các phần chính và theo dõi cách chúng tương tác, từng bước từ đầu vào tới kết quả.",
      "**Áp dụng thực tế**: thử trên một ví dụ nhỏ, cụ thể trước, rồi mở rộng khi phần cơ bản đã chạy đúng.",
      "**Đánh đổi**: cách làm nào cũng có cái giá về thời gian, tiền bạc, độ phức tạp hay rủi ro, nên hãy so sánh với các phương án khác.",
      "**Đo lường và cải thiện**: xác định cách biết nó hiệu quả, như một chỉ số, một bài kiểm tra hay phản hồi, rồi cải tiến dần.",
    ],
    outro: ["Nếu bạn chia sẻ thêm chi tiết về tình huống của mình, tôi có thể trả lời cụ thể hơn."],
  },
};
