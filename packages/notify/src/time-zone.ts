/** The zone a person lives in now (docs/domain.md "Time and local days"): the version of their
 * time setting in force today; UTC for someone who never chose one. Reads the latest two only. */
import type { TenantTx } from "@atlas/db";
import { DEFAULT_TIME_SETTING, localToday, timeSettingOn, toLocalDate } from "@atlas/time";

export async function recipientTimeZone(
  tx: Pick<TenantTx, "userTimeSetting">,
  userId: string,
  now: Date,
): Promise<string> {
  const rows = await tx.userTimeSetting.findMany({
    where: { userId },
    orderBy: { effectiveFrom: "desc" },
    take: 2,
    select: { effectiveFrom: true, timeZone: true, dayStartMinutes: true },
  });
  const versions = rows.map((v) => ({
    ...v,
    effectiveFrom: toLocalDate(v.effectiveFrom.toISOString().slice(0, 10)),
  }));
  return (
    timeSettingOn(versions, localToday(versions, now))?.timeZone ?? DEFAULT_TIME_SETTING.timeZone
  );
}
