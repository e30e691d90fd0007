#include "api/submission_json.hpp"

#include <cctype>
#include <string_view>

namespace mobilise::api {
namespace {

using domain::SubmissionRow;

// `text` percent-encoded for a URL path segment (RFC 3986 unreserved characters kept).
std::string PathSegment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

struct AttachmentView {
  std::string name, url;
  bool present = false;
};

const Shape<AttachmentView>& AttachmentViewShape() {
  using A = AttachmentView;
  static const auto shape = Shape<A>("SubmissionAttachment")
                                .Field("name", &A::name)
                                .Field("present", &A::present)
                                .Field("url", &A::url);
  return shape;
}

const Shape<domain::SubmissionCommentRow>& CommentShape() {
  using C = domain::SubmissionCommentRow;
  static const auto shape =
      Shape<C>("SubmissionComment")
          .Field("user_name", &C::user_name)
          .Computed("body", [](const C& c) { return c.comment.body; })
          .Computed("review_state", [](const C& c) { return c.comment.review_state; })
          .Computed("created_at", [](const C& c) { return c.comment.created_at; });
  return shape;
}

std::vector<AttachmentView> Attachments(const SubmissionView& v) {
  std::vector<AttachmentView> out;
  for (const auto& a : v.detail.attachments) {
    out.push_back({a.name,
                   "/api/v1/submissions/" + PathSegment(v.detail.row.submission.id) +
                       "/attachments/" + PathSegment(a.name),
                   a.blob_hash.has_value()});
  }
  return out;
}

}  // namespace

const Shape<SubmissionRow>& SubmissionRowShape() {
  using R = SubmissionRow;
  static const auto shape =
      Shape<R>("SubmissionRow")
          .Computed("id", [](const R& r) { return r.submission.id; })
          .Computed("form_id", [](const R& r) { return r.submission.form_id; })
          .Computed("instance_id", [](const R& r) { return r.submission.instance_id; })
          .Computed("instance_name", [](const R& r) { return r.submission.instance_name; })
          .Computed("submitted_at", [](const R& r) { return r.submission.submitted_at; })
          .Computed("user_id", [](const R& r) { return r.submission.user_id; })
          .Field("user_name", &R::user_name)
          .Computed("device_name",
                    [](const R& r) {
                      return r.device_name.empty() ? std::nullopt
                                                   : std::optional<std::string>(r.device_name);
                    })
          .Computed("area_id", [](const R& r) { return r.submission.area_id; })
          .Computed(
              "review_state",
              [](const R& r) { return std::string(ToString(r.submission.review_state)); },
              domain::kReviewStates)
          .Computed("record_type", [](const R& r) { return r.submission.record_type; })
          .Computed("record_id", [](const R& r) { return r.submission.record_id; })
          .Computed("attachments_present",
                    [](const R& r) { return r.submission.attachments_present; })
          .Computed("attachments_expected",
                    [](const R& r) { return r.submission.attachments_expected; })
          .Computed("version", [](const R& r) { return r.submission.version; });
  return shape;
}

const Shape<domain::SubmissionPage>& SubmissionPageShape() {
  using P = domain::SubmissionPage;
  static const auto shape =
      Shape<P>("SubmissionPage")
          .Nested("items", SubmissionRowShape(), [](const P& p) { return p.items; })
          .Field("next_cursor", &P::next_cursor);
  return shape;
}

const Shape<SubmissionView>& SubmissionViewShape() {
  using V = SubmissionView;
  static const auto shape =
      Shape<V>("Submission")
          .Include(SubmissionRowShape(),
                   [](const V& v) -> const SubmissionRow& { return v.detail.row; })
          .Computed("form_version", [](const V& v) { return v.detail.row.submission.form_version; })
          .Field("values", &V::values)
          .Nested("attachments", AttachmentViewShape(), Attachments)
          .Nested("comments", CommentShape(), [](const V& v) { return v.detail.comments; });
  return shape;
}

domain::ReviewInput ReadReview(ObjectReader& r) {
  domain::ReviewInput in;
  if (auto state = r.OptionalString("review_state")) {
    // "edited" is read here and refused by the service, which says which states a review sets.
    in.review_state = domain::ParseReviewState(*state);
    if (!in.review_state)
      r.errors()["review_state"] = problem::OneOf(
          std::vector<std::string>{"received", "has_issues", "approved", "rejected"});
  }
  in.comment = r.OptionalString("comment");
  return in;
}

}  // namespace mobilise::api
