// A child `factory-assess serve` process and a small JSON client for it,
// for tests that must kill the real server (web_crash_test.cpp): it starts
// on port 0 and reports its port, keeps its log, and dies by SIGKILL on demand.
#pragma once

#include <doctest/doctest.h>
#include <signal.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace fa::webcrash {

// ---------------------------------------------------------------- the server

/// `factory-assess serve` as a child process on port 0; its log is kept.
class ServerProcess {
 public:
  /// The first run creates `admin` with `admin_password`.
  ServerProcess(const std::string& db, const std::string& admin_password) {
    Poco::Process::Args args = {"serve", "--listen", "127.0.0.1:0", "--db", db, "--quiet",
                                "--rubrics", std::string(FA_SOURCE_DIR) + "/rubrics",
                                "--ranking", std::string(FA_SOURCE_DIR) + "/examples/ranking"};
    Poco::Process::Env env;
    env["FA_ADMIN_PASSWORD"] = admin_password;
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(FA_BINARY, args, FA_SOURCE_DIR, nullptr, &out_, &out_, env));
    reader_ = std::thread([this] {
      Poco::PipeInputStream in(out_);
      std::string line;
      while (std::getline(in, line)) {
        std::lock_guard<std::mutex> lock(mutex_);
        log_ += line + "\n";
        std::smatch m;
        if (port_ == 0 && std::regex_search(line, m, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)/")))
          port_ = std::stoi(m[1]);
        changed_.notify_all();
      }
      std::lock_guard<std::mutex> lock(mutex_);
      ended_ = true;
      changed_.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(60), [this] { return port_ != 0 || ended_; });
  }
  ~ServerProcess() { Kill(SIGKILL); }

  /// The bound port, 0 when the server did not start (see Log()).
  int port() {
    std::lock_guard<std::mutex> lock(mutex_);
    return port_;
  }
  std::string Log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }
  /// Sends `sig`, waits for the process to end and its output to close.
  void Kill(int sig) {
    if (!handle_) return;
    ::kill(handle_->id(), sig);
    handle_->wait();
    handle_.reset();
    if (reader_.joinable()) reader_.join();
  }

 private:
  std::unique_ptr<Poco::ProcessHandle> handle_;
  Poco::Pipe out_;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string log_;
  int port_ = 0;
  bool ended_ = false;
};

// ---------------------------------------------------------------- a client

struct Reply {
  int status = 0;  ///< 0: no response (connection refused, reset, timed out)
  std::string body;
  Poco::JSON::Object::Ptr Json() const {
    try {
      auto v = Poco::JSON::Parser().parse(body);
      if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
    }
    return nullptr;
  }
};

/// One keep-alive connection with a cookie jar and the session's CSRF token.
class Client {
 public:
  explicit Client(int port) : session_("127.0.0.1", static_cast<Poco::UInt16>(port)) {
    session_.setTimeout(Poco::Timespan(20, 0));
    session_.setKeepAlive(true);
  }
  /// Shares `other`'s session (cookies and CSRF token) on a connection of its own.
  Client(int port, const Client& other) : Client(port) {
    cookies_ = other.cookies_;
    csrf_ = other.csrf_;
  }

  Reply Send(const std::string& method, const std::string& path, const std::string& body = "") {
    Reply r;
    try {
      Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
      std::string jar;
      for (const auto& [k, v] : cookies_) jar += (jar.empty() ? "" : "; ") + k + "=" + v;
      if (!jar.empty()) request.set("Cookie", jar);
      if (method != "GET" && !csrf_.empty()) request.set("X-CSRF-Token", csrf_);
      if (method != "GET") {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
      }
      session_.sendRequest(request) << body;
      Poco::Net::HTTPResponse response;
      std::istream& in = session_.receiveResponse(response);
      Poco::StreamCopier::copyToString(in, r.body);
      r.status = response.getStatus();
      std::vector<Poco::Net::HTTPCookie> cookies;
      response.getCookies(cookies);
      for (const auto& c : cookies) {
        if (c.getValue().empty() || c.getMaxAge() == 0) cookies_.erase(c.getName());
        else cookies_[c.getName()] = c.getValue();
      }
    } catch (const Poco::Exception&) {
      r.status = 0;
      session_.reset();
    }
    return r;
  }

  /// Signs in through the API; true on 200.
  bool Login(const std::string& username, const std::string& password) {
    Reply boot = Send("GET", "/api/csrf");
    if (boot.status != 200 || !boot.Json()) return false;
    csrf_ = boot.Json()->getValue<std::string>("csrf");
    JsonWriter w(false);
    w.BeginObject().Field("username", username).Field("password", password).EndObject();
    Reply r = Send("POST", "/api/login", w.str());
    if (r.status != 200 || !r.Json()) return false;
    csrf_ = r.Json()->getValue<std::string>("csrf");
    return true;
  }

 private:
  Poco::Net::HTTPClientSession session_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

}  // namespace fa::webcrash
