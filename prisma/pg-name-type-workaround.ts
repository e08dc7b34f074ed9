/**
 * Workaround for prisma/orm#27403: @prisma/adapter-pg cannot deserialize
 * PostgreSQL's `name` (OID 19) and `"char"` (OID 18) columns, which the
 * schema engine reads from pg_catalog while it introspects during
 * `migrate dev/deploy/status` and `db push`. Both are plain text on the wire,
 * so we retype those result columns as `text` (OID 25) inside `pg`.
 *
 * Loaded only by the prisma.config.ts files, that is only while the Prisma
 * CLI runs; application code never sees this patch. Covered by
 * prisma/migrations.int-spec.ts, which migrates empty databases from scratch.
 */
import Result from 'pg/lib/result';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface FieldDescription {
  dataTypeID: number;
}

type AddFields = (this: unknown, fields: FieldDescription[]) => void;

const proto = (Result as unknown as { prototype: { addFields: AddFields & { retyped?: true } } }).prototype;

if (!proto.addFields.retyped) {
  const original = proto.addFields;
  const retyped: AddFields & { retyped?: true } = function (this: unknown, fields) {
    for (const field of fields) {
      if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    original.call(this, fields);
  };
  retyped.retyped = true;
  proto.addFields = retyped;
}
