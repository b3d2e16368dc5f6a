#include "core/common/HttpClient.h"

#include "core/common/Error.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace muze {
namespace {

struct Exchange {
    std::string body;
    std::size_t limit = 0;
    bool overLimit = false;
    const JobControl* control = nullptr;
};

std::size_t receive(char* data, std::size_t size, std::size_t count, void* user)
{
    Exchange& exchange = *static_cast<Exchange*>(user);
    const std::size_t bytes = size * count;
    if (exchange.body.size() + bytes > exchange.limit) {
        exchange.overLimit = true;
        return 0;  // curl stops with CURLE_WRITE_ERROR
    }
    exchange.body.append(data, bytes);
    return bytes;
}

int checkCancelled(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Exchange*>(user)->control->isCancelled() ? 1 : 0;
}

void startCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

std::string failure(CURLcode code, const HttpRequest& request)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
        return "Nothing answers at " + request.url + ": is the server running, and is the address right?";
    case CURLE_OPERATION_TIMEDOUT:
        return "The server at " + request.url + " did not answer in time (" + std::to_string(static_cast<int>(request.connectTimeout)) +
               " s to connect, " + std::to_string(static_cast<int>(request.timeout)) + " s in all).";
    default:
        return "The exchange with " + request.url + " failed: " + curl_easy_strerror(code) + ".";
    }
}

}  // namespace

HttpReply sendHttp(const HttpRequest& request, const JobControl& control)
{
    startCurl();
    Easy curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        throw Error(ErrorKind::Io, "libcurl could not start an HTTP exchange.");
    Headers headers(nullptr, curl_slist_free_all);
    for (const std::string& header : request.headers)
        headers.reset(curl_slist_append(headers.release(), header.c_str()));
    Exchange exchange{{}, request.maxReplyBytes, false, &control};
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    if (!request.body.empty()) {
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout * 1000));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout * 1000));
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, checkCancelled);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &exchange);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(handle);
    if (code == CURLE_ABORTED_BY_CALLBACK)
        throw Error(ErrorKind::Cancelled, "Cancelled.");
    if (exchange.overLimit)
        throw Error(ErrorKind::LimitExceeded, "The reply from " + request.url + " is over " + std::to_string(request.maxReplyBytes >> 20) +
                                                  " MiB, more than a voice for a song needs; nothing of it was used.");
    if (code != CURLE_OK)
        throw Error(ErrorKind::Io, failure(code, request));
    HttpReply reply;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply.status);
    const char* contentType = nullptr;
    curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &contentType);
    reply.contentType = contentType != nullptr ? contentType : "";
    reply.body = std::move(exchange.body);
    return reply;
}

std::string base64(const std::string& bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t left = bytes.size() - i;
        std::uint32_t chunk = static_cast<std::uint8_t>(bytes[i]) << 16;
        if (left > 1)
            chunk |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
        if (left > 2)
            chunk |= static_cast<std::uint8_t>(bytes[i + 2]);
        out += kAlphabet[(chunk >> 18) & 63];
        out += kAlphabet[(chunk >> 12) & 63];
        out += left > 1 ? kAlphabet[(chunk >> 6) & 63] : '=';
        out += left > 2 ? kAlphabet[chunk & 63] : '=';
    }
    return out;
}

}  // namespace muze
