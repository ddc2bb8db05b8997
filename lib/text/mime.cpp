#include "text/mime.hpp"

#ifdef UNBAKE_HAVE_GMIME
#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#endif

namespace unbake::text::mime {

#ifdef UNBAKE_HAVE_GMIME

namespace {

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

struct GFree {
  void operator()(char* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

void collect(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  auto& parts = *static_cast<Parts*>(data);
  if (!GMIME_IS_TEXT_PART(part)) return;
  if (g_mime_part_is_attachment(GMIME_PART(part))) return;
  GMimeContentType* type = g_mime_object_get_content_type(part);
  std::string* into = nullptr;
  if (g_mime_content_type_is_type(type, "text", "plain"))
    into = &parts.plain;
  else if (g_mime_content_type_is_type(type, "text", "html"))
    into = &parts.html;
  if (!into) return;
  GString text{g_mime_text_part_get_text(GMIME_TEXT_PART(part))};
  if (!text) return;
  if (!into->empty()) into->push_back('\n');
  into->append(text.get());
}

}  // namespace

bool available() { return true; }

std::optional<Parts> decode(std::string_view message) {
  init_once();
  // The stream copies the bytes, so `message` need not outlive it.
  Ref<GMimeStream> stream{
      g_mime_stream_mem_new_with_buffer(message.data(), static_cast<std::size_t>(message.size()))};
  Ref<GMimeParser> parser{g_mime_parser_new_with_stream(stream.get())};
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  Ref<GMimeMessage> msg{g_mime_parser_construct_message(parser.get(), nullptr)};
  if (!msg) return std::nullopt;
  Parts parts;
  if (const char* s = g_mime_message_get_subject(msg.get())) parts.subject = s;
  g_mime_message_foreach(msg.get(), collect, &parts);
  return parts;
}

std::string decode_header(const std::string& value) {
  if (value.find("=?") == std::string::npos) return value;
  init_once();
  GString decoded{g_mime_utils_header_decode_text(nullptr, value.c_str())};
  return decoded ? std::string(decoded.get()) : value;
}

#else

bool available() { return false; }
std::optional<Parts> decode(std::string_view) { return std::nullopt; }
std::string decode_header(const std::string& value) { return value; }

#endif

}  // namespace unbake::text::mime
