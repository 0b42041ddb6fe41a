/**
 * The circles interface the screens use (`Circles`, from @trellis/client),
 * in one place so every screen imports its types from here.
 */
export type {
  CircleDraft,
  CircleMember,
  CirclePhotoRef,
  CirclePost,
  CircleReaction,
  CircleReply,
  CircleStatus,
  CircleSummary,
  Circles,
  CircleView,
  PostInput,
  SharedRemembrance,
  StatusTemplate,
} from "@trellis/client";
