/**
 * Whether an address's fragment is a circle invite (`#v=&i=&t=&o=`): the four
 * parts are there (the client checks them properly when joining). The
 * fragment never reaches the server.
 */
export function isCircleInvite(fragment: string): boolean {
  return ["v", "i", "t", "o"].every((k) => new RegExp(`(^#?|&)${k}=[^&]+`).test(fragment));
}

/** Any fragment at all: an invite, or what is left of one copied in part. */
export function hasFragment(fragment: string): boolean {
  return fragment.replace(/^#/, "").length > 0;
}
