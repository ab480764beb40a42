/**
 * Server settings for a test that sends hundreds of inquiries a minute from one address: the
 * abuse limits (server/config.ts) would refuse that load, and they are not what is tested here.
 */
export const LOAD_LIMITS: Record<string, string> = {
  RATE_LIMIT_IP_PER_MINUTE: '100000',
  RATE_LIMIT_SITE_PER_MINUTE: '1000000',
  POW_FLOOD_PER_MINUTE: '1000000',
  // A delivery claimed by a killed server comes back after the lease: keep the wait short.
  OUTBOX_LEASE_MS: '5000',
};
