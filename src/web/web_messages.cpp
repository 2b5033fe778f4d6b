// The web app's messages, Chinese first, English second: page titles,
// notices, form errors and the message pages of refused requests. "{}"
// marks where a value goes (ctx.Label(key, {value…})).
#include "web/web_labels.h"

namespace fa::web {

const std::vector<WebLabel>& MessageLabels() {
  static const std::vector<WebLabel> labels = {
      // ---- page titles and words of generated text ----
      {"title_users", "用户管理", "Users"},
      {"title_factories", "企业管理", "Factories"},
      {"other_language", "English", "中文"},
      {"status_submitted", "已提交", "submitted"},
      {"status_draft", "草稿", "draft"},
      // ---- refused requests ----
      {"not_found", "未找到", "Not found"},
      {"no_such_page", "页面不存在。", "There is no such page."},
      {"unsupported", "不支持的操作", "Not allowed"},
      {"method_not_allowed", "不支持该请求方法。", "Method not allowed."},
      {"sign_in_first", "请先登录", "Sign in first"},
      {"session_ended", "会话已结束，请重新登录。", "Your session has ended; sign in again."},
      {"invalid_request", "请求无效", "Invalid request"},
      {"form_expired", "表单已过期，请返回并刷新页面后重试。", "The form has expired; go back, reload the page and try again."},
      {"malformed_request", "请求的地址或表单无法读取（字段过多、内容过长或编码错误）。",
       "The address or the form cannot be read (too many fields, a value too long or a bad escape)."},
      {"no_access", "无权访问", "Not allowed"},
      {"role_may_not_open", "您的角色无权访问此页面。", "Your role may not open this page."},
      {"too_large", "内容过大", "Too large"},
      {"body_too_large", "提交的内容过大。", "The request body is too large."},
      {"length_required", "请求缺少内容长度（Content-Length）。", "The request has no Content-Length."},
      {"cross_origin", "请求来自其他网站，已拒绝。请在本系统的页面中操作。",
       "The request came from another site and was refused; use this application's own pages."},
      {"too_many_connections", "来自您地址的连接过多，请稍后再试。",
       "Too many connections from your address; try again in a moment."},
      {"service_unavailable", "服务暂不可用", "Service unavailable"},
      {"database_unavailable", "数据库暂时不可用，请稍后再试。", "The database is unavailable; try again shortly."},
      {"internal_error", "内部错误", "Internal error"},
      {"internal_error_message", "服务器内部错误。", "Something went wrong on the server."},
      // ---- signing in and the password ----
      {"wrong_credentials", "用户名或密码错误。", "Wrong username or password."},
      {"sign_in_throttled", "登录失败次数过多，请在 {} 分钟后再试。", "Too many failed sign-ins; try again in {} minutes."},
      {"wrong_current_password", "当前密码不正确。", "The current password is wrong."},
      {"new_password_too_short", "新密码至少需要 10 个字符。", "The new password needs at least 10 characters."},
      {"new_passwords_differ", "两次输入的新密码不一致。", "The new passwords differ."},
      {"new_password_unchanged", "新密码不能与当前密码相同。", "The new password must differ from the current one."},
      // ---- administration ----
      {"saved", "已保存。", "Saved."},
      {"created", "已创建。", "Created."},
      {"not_saved", "未能保存。", "Not saved."},
      {"invalid_form", "表单无效。", "Invalid form."},
      {"no_such_user", "用户不存在。", "No such user."},
      {"no_such_factory", "企业不存在。", "No such factory."},
      {"no_such_rubric", "评估模型不存在。", "No such rubric."},
      {"username_and_role_required", "请填写用户名并选择角色。", "Give a username and choose a role."},
      {"manufacturer_needs_factory", "制造企业用户需要选择所属企业。", "A manufacturer needs its factory."},
      {"password_too_short", "密码至少需要 10 个字符。", "The password needs at least 10 characters."},
      {"username_taken", "用户名已被使用。", "The username is taken."},
      {"cannot_demote_self", "不能停用或降级自己的账户。", "You cannot demote or deactivate yourself."},
      {"user_changed_meanwhile", "该用户已被他人修改，请查看最新内容后重试。", "Someone else changed this user; review and try again."},
      {"user_created", "已创建用户 {}", "Created user {}"},
      {"user_created_with_password", "已创建用户 {}，一次性密码：{}", "Created user {}; one-time password: {}"},
      {"password_reset", "已重置 {} 的密码，一次性密码：{}", "Password reset for {}; one-time password: {}"},
      {"factory_name_missing", "请填写企业名称。", "Give the factory's name."},
      {"factory_names_too_long", "名称、街镇和行业最多 200 字节。", "Name, town and industry hold at most 200 bytes."},
      {"factory_numbers_invalid", "员工数和营业收入须为非负数。", "Employees and revenue must be numbers >= 0."},
      {"factory_type_invalid", "制造类型无效。", "Invalid manufacturing type."},
      {"credit_code_taken", "统一社会信用代码已存在。", "The credit code is taken."},
      {"factory_changed_meanwhile", "该企业已被他人修改（当前名称：{}），请查看后重试。",
       "Someone else changed this factory (now named {}); review and try again."},
      {"assignments_updated", "已更新分配。", "Assignments updated."},
      {"rubric_stored", "已保存评估模型 {} {}", "Stored rubric {} {}"},
      // ---- assessments and reports ----
      {"round_invalid", "轮次应为年份（如 2026）或季度（如 2026-Q3，季度为 1–4）。",
       "The round must be a year (e.g. 2026) or a quarter (e.g. 2026-Q3, quarter 1–4)."},
      {"rubric_missing", "请选择评估模型。", "Choose a rubric."},
      {"rubric_not_active", "所选评估模型不存在或已停用，请重新选择。", "That rubric does not exist or is no longer offered; choose another."},
      {"notice_draft_open", "该企业本轮次已有一份未提交的评估，已为您打开，请继续填写。",
       "This factory already has an open draft for that round; here it is to continue."},
      {"rubric_does_not_load", "评估模型无法加载", "Rubric does not load"},
      {"not_allowed", "无权操作", "Not allowed"},
      {"cannot_submit", "您不能提交此评估。", "You cannot submit this assessment."},
      {"no_report", "报告不存在或评估尚未提交。", "No report: the assessment does not exist or is not submitted yet."},
      {"pdf_unavailable", "无法生成 PDF", "PDF not available"},
      {"pdf_busy", "服务器正在生成其他 PDF，请稍后（约 {} 秒后）再试，或先在浏览器中打开 HTML 报告。",
       "The server is busy printing other PDFs; try again in about {} seconds, or open the HTML report meanwhile."},
      {"pdf_failed", "服务器上无法生成 PDF：{} 可在浏览器中打开 HTML 报告并打印。",
       "The server cannot print PDF: {} Open the HTML report and print it from the browser."},
      // ---- the commission's views ----
      {"cannot_rank", "无法排序", "Cannot rank"},
      {"no_data", "暂无数据", "No data"},
      {"nothing_submitted", "还没有已提交的评估。", "No assessment has been submitted yet."},
      {"cannot_count", "无法统计", "Cannot count"},
  };
  return labels;
}

}  // namespace fa::web
