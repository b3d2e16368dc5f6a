#pragma once

#include "core/common/JobControl.h"

#include <cstddef>
#include <string>
#include <vector>

namespace muze {

struct HttpRequest {
    std::string url;
    std::string body;                  // sent as a POST when not empty, else a GET
    std::vector<std::string> headers;  // "Content-Type: application/json"
    double connectTimeout = 5.0;       // seconds to reach the server
    double timeout = 120.0;            // seconds for the whole exchange
    std::size_t maxReplyBytes = 64 << 20;
};

struct HttpReply {
    long status = 0;
    std::string contentType;
    std::string body;
};

// One HTTP exchange through libcurl. A reply with any status is returned; what never arrives is an
// error: Error(Io) naming the address when the server cannot be reached, refuses or stalls past a
// timeout, Error(LimitExceeded) when the reply grows past maxReplyBytes, Error(Cancelled) when
// `control` is cancelled. Thread-safe.
HttpReply sendHttp(const HttpRequest& request, const JobControl& control = {});

// Standard base64, for binary fields of JSON requests.
std::string base64(const std::string& bytes);

}  // namespace muze
