import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

const run = promisify(execFile);

/** One piece of evidence to scan: where it came from and its full text. */
export interface Dumped {
  source: string;
  text: string;
}

/**
 * Everything a thief could carry off the e2e stack's data stores, as text:
 * what a backup would hold, read the way a backup reads it.
 */

/** `pg_dump` of one database (schema and data, plain SQL; bytea shows as hex), as the service's own role. */
export async function pgDump(service: string, databaseUrl: string): Promise<Dumped> {
  const { stdout } = await run('pg_dump', ['--no-owner', '--no-privileges', '--dbname', databaseUrl], { maxBuffer: 512 * 1024 * 1024 });
  return { source: `pg_dump ${service}`, text: stdout };
}

/**
 * Every key of a Redis database with its whole value, read by type (strings,
 * hashes such as BullMQ job payloads, lists such as BullMQ waiting ids, sets,
 * sorted sets with scores, streams such as BullMQ events). Values are read as
 * bytes and shown as latin1, so binary values keep every byte. An unknown type
 * fails the dump rather than being skipped.
 */
export async function redisDump(redisUrl: string): Promise<Dumped[]> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of batch) keys.add(key);
    } while (cursor !== '0');
    const dumped: Dumped[] = [];
    for (const key of keys) dumped.push({ source: `redis ${key}`, text: `${key}\n${await redisValue(redis, key)}` });
    return dumped;
  } finally {
    redis.disconnect();
  }
}

const latin1 = (values: Buffer[]) => values.map((v) => v.toString('latin1')).join('\n');

async function redisValue(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'none':
      return ''; // expired between SCAN and TYPE
    case 'string':
      return (await redis.getBuffer(key))?.toString('latin1') ?? '';
    case 'hash':
      return latin1(await redis.hgetallBuffer(key).then((h) => Object.entries(h).flatMap(([field, value]) => [Buffer.from(field), value])));
    case 'list':
      return latin1(await redis.lrangeBuffer(key, 0, -1));
    case 'set':
      return latin1(await redis.smembersBuffer(key));
    case 'zset':
      return latin1(await redis.zrangeBuffer(key, '0', '-1', 'WITHSCORES'));
    case 'stream': {
      const entries = await redis.xrangeBuffer(key, '-', '+');
      return entries.map(([id, fields]) => `${id.toString('latin1')} ${latin1(fields)}`).join('\n');
    }
    default:
      throw new Error(`redis key ${key} has type ${type}, which the dump cannot read: teach it rather than skip it`);
  }
}

/** Every file in the stack's log folder. */
export function logFiles(logDir: string): Dumped[] {
  return readdirSync(logDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ source: `log ${entry.name}`, text: readFileSync(path.join(logDir, entry.name), 'latin1') }));
}

/**
 * A stolen copy of a database: pg_dump of `sourceUrl` restored into a new
 * database `name` on the same server, created through `superuserUrl` (a
 * copy carries no role restrictions). Returns the copy's URL (as the superuser).
 */
export async function copyDatabase(sourceUrl: string, superuserUrl: string, name: string): Promise<string> {
  const { text } = await pgDump('copy', sourceUrl);
  await run('psql', ['--dbname', superuserUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE "${name}"`]);
  const copyUrl = new URL(superuserUrl);
  copyUrl.pathname = `/${name}`;
  const restore = run('psql', ['--dbname', copyUrl.toString(), '-v', 'ON_ERROR_STOP=1', '-q', '-f', '-']);
  restore.child.stdin?.end(text);
  await restore;
  return copyUrl.toString();
}

export async function dropDatabase(superuserUrl: string, name: string): Promise<void> {
  await run('psql', ['--dbname', superuserUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
}
