import { useT } from "../../i18n/i18n.tsx";

/** The safety code, large, in groups of five digits, for two people to compare. */
export function SafetyCode({ code }: { code: string | null }) {
  const t = useT();
  return (
    <figure className="safety-code-box">
      <figcaption className="muted small">{t("sharing.code.label")}</figcaption>
      {code ? (
        <p className="safety-code">
          {code.split(" ").map((group, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: groups are positional and never reorder.
            <span key={i}>{group}</span>
          ))}
        </p>
      ) : (
        <p role="status">{t("sharing.code.computing")}</p>
      )}
    </figure>
  );
}
