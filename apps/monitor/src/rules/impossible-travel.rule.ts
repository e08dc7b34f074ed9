import type { AlertSeverity } from '../alerts/alert.view';
import { distanceKm, type GeoLookup, type GeoPoint, geoipLookup } from './geo';
import { type EventHistory, type Finding, MAX_EVENT_IDS, minutes, type RecordedEvent, type Rule, subject } from './rule';

export const IMPOSSIBLE_TRAVEL_RULE = 'auth.impossible_travel';

export interface TravelPolicy {
  /** Faster than an airliner, over a distance where geo-IP noise no longer matters. */
  maxSpeedKmh: number;
  minDistanceKm: number;
  /** Two countries this close together in time. */
  twoCountriesWithinMs: number;
  /** This many countries within an hour: a shared or stolen session, not a traveller. Locks the account. */
  manyCountries: number;
  lookbackMs: number;
  lockSeconds: number;
}
export const DEFAULT_TRAVEL: TravelPolicy = {
  maxSpeedKmh: 1000,
  minDistanceKm: 500,
  twoCountriesWithinMs: minutes(30),
  manyCountries: 5,
  lookbackMs: minutes(60),
  lockSeconds: 24 * 3600,
};

export interface SignIn {
  id: string;
  at: Date;
  geo: GeoPoint;
}

export interface TravelVerdict {
  severity: AlertSeverity;
  reason: string;
  /** The sign-ins that make the case. */
  evidence: SignIn[];
  lock: boolean;
}

/**
 * Pure: judges the newest sign-in against the account's earlier ones
 * (all within the lookback). The strongest reason wins: many countries
 * (critical, lock), then speed, then two countries in a short time (high).
 */
export function judgeTravel(current: SignIn, earlier: readonly SignIn[], policy: TravelPolicy = DEFAULT_TRAVEL): TravelVerdict | null {
  const all = [current, ...earlier.filter((s) => s.id !== current.id)];
  const countries = new Set(all.map((s) => s.geo.country));
  if (countries.size >= policy.manyCountries) {
    return { severity: 'critical', reason: `signed in from ${countries.size} countries (${[...countries].sort().join(', ')}) within ${policy.lookbackMs / 60_000} minutes`, evidence: all, lock: true };
  }
  // Within one country geo-IP coordinates are too coarse to time a journey (a mobile carrier's block can
  // geolocate a thousand km from its user), so speed is only judged across a border.
  for (const previous of all.slice(1).filter((s) => s.geo.country !== current.geo.country)) {
    const km = distanceKm(previous.geo, current.geo);
    const hours = Math.abs(current.at.getTime() - previous.at.getTime()) / 3_600_000;
    const speed = hours === 0 ? Number.POSITIVE_INFINITY : km / hours;
    if (km > policy.minDistanceKm && speed > policy.maxSpeedKmh) {
      return { severity: 'high', reason: `two sign-ins ${Math.round(km)} km apart within ${Math.round(hours * 60)} minutes (${previous.geo.country} → ${current.geo.country})`, evidence: [current, previous], lock: false };
    }
  }
  const recentOtherCountry = all.slice(1).find((s) => s.geo.country !== current.geo.country && current.at.getTime() - s.at.getTime() <= policy.twoCountriesWithinMs);
  if (recentOtherCountry) {
    return { severity: 'high', reason: `sign-ins from ${recentOtherCountry.geo.country} and ${current.geo.country} within ${policy.twoCountriesWithinMs / 60_000} minutes`, evidence: [current, recentOtherCountry], lock: false };
  }
  return null;
}

/**
 * Impossible travel on successful sign-ins of one account (by user id),
 * located with the offline geo-IP database. Only the "many countries" case
 * locks the account automatically: a single fast hop is often a VPN, so it
 * goes to a human.
 */
export class ImpossibleTravelRule implements Rule {
  readonly name = IMPOSSIBLE_TRAVEL_RULE;
  readonly triggers = ['auth.login.succeeded'] as const;

  constructor(
    private readonly policy: TravelPolicy = DEFAULT_TRAVEL,
    private readonly geo: GeoLookup = geoipLookup,
  ) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    const currentGeo = event.ip ? this.geo(event.ip) : null;
    if (!event.userId || !currentGeo) return [];
    const from = new Date(event.occurredAt.getTime() - this.policy.lookbackMs);
    const earlier = await history.recent({ types: this.triggers, by: { kind: 'user', value: event.userId }, from, to: event.occurredAt, limit: MAX_EVENT_IDS });
    const located = earlier.flatMap((e) => {
      const geo = e.ip ? this.geo(e.ip) : null;
      return geo ? [{ id: e.id, at: e.occurredAt, geo }] : [];
    });
    const verdict = judgeTravel({ id: event.id, at: event.occurredAt, geo: currentGeo }, located, this.policy);
    if (!verdict) return [];
    return [
      {
        rule: this.name,
        severity: verdict.severity,
        summary: `Account ${event.userId} ${verdict.reason}`,
        subjects: [subject('user', event.userId)],
        eventIds: verdict.evidence.map((s) => s.id),
        quietMs: this.policy.lookbackMs,
        // Many countries: a takeover, lock. Two places too far apart: often a VPN or a trip, so ask the owner for their second factor instead.
        responses: verdict.lock ? [{ action: 'lock_account', target: event.userId, durationSeconds: this.policy.lockSeconds }] : [{ action: 'require_step_up', target: event.userId }],
      },
    ];
  }
}
