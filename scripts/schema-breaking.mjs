#!/usr/bin/env node
// CI: fails when schema.graphql breaks tools built on the previous commit's schema, unless the broken part went
// through the deprecation policy (README, "Descriptions and deprecation policy"):
//   - a field, argument, input field or enum value is first deprecated with a reason that names its replacement
//     and says `Removal after YYYY-MM-DD`, a date at least 90 days after the day the deprecation lands;
//   - it may be removed or changed once that date has passed (in UTC); before then, CI fails;
//   - a type may be removed when every field, argument and input field that reached it went that way too.
// Dangerous changes (an added enum value, a changed default, ...) are printed and pass.
//
//   node scripts/schema-breaking.mjs                  schema.graphql against `git show HEAD~1:schema.graphql`
//   node scripts/schema-breaking.mjs OLD.graphql NEW.graphql
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

const NOTICE_DAYS = 90;
const REMOVAL_AFTER = /Removal after (\d{4}-\d{2}-\d{2})\b/;
const DAY_MS = 24 * 60 * 60 * 1000;
const ROOT = resolve(import.meta.dirname, '..');

/** The previous commit's schema.graphql, or undefined when there is no previous commit or no file in it. */
function previousSchema() {
  const git = (...args) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    git('rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}');
  } catch {
    let shallow = false;
    try {
      shallow = git('rev-parse', '--is-shallow-repository').trim() === 'true';
    } catch {
      // not a git checkout at all: nothing to compare with
    }
    console.log(shallow ? 'shallow clone without HEAD~1: nothing to compare with' : 'no previous commit');
    return undefined;
  }
  try {
    return git('show', 'HEAD~1:schema.graphql');
  } catch {
    console.log('the previous commit has no schema.graphql');
    return undefined;
  }
}

/** Every deprecatable coordinate (`Type.field`, `Type.field.arg`, `Input.field`, `Enum.VALUE`) → its reason. */
function deprecations(schema) {
  const reasons = new Map();
  const note = (path, reason) => {
    if (reason != null) reasons.set(path, reason);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        note(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) note(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) note(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) note(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return reasons;
}

/** The removal date in a deprecation reason, as a UTC day, or undefined. */
function removalDate(reason) {
  const match = reason?.match(REMOVAL_AFTER);
  if (!match) return undefined;
  const day = new Date(`${match[1]}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? undefined : day;
}

/** Whether `path` or one of its parents (`Type.field` for `Type.field.arg`) was deprecated and its date passed. */
function removalDue(path, oldReasons, today) {
  const parts = path.split('.');
  for (let length = parts.length; length >= 2; length -= 1) {
    const date = removalDate(oldReasons.get(parts.slice(0, length).join('.')));
    if (date && date < today) return true;
  }
  return false;
}

/** The coordinates in `schema` whose type is `name` (fields, arguments, input fields, union members). */
function references(schema, name) {
  const found = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === name)
          found.push({ owner: type.name, path: `${type.name}.${field.name}` });
        for (const arg of field.args)
          if (getNamedType(arg.type).name === name)
            found.push({ owner: type.name, path: `${type.name}.${field.name}.${arg.name}` });
      }
      for (const face of isObjectType(type) ? type.getInterfaces() : [])
        if (face.name === name) found.push({ owner: type.name, path: type.name });
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type).name === name)
          found.push({ owner: type.name, path: `${type.name}.${field.name}` });
    } else if (isUnionType(type)) {
      if (type.getTypes().some((member) => member.name === name)) found.push({ owner: type.name, path: type.name });
    }
  }
  return found;
}

/** Breaking changes the policy does not allow, and the rule each one broke. */
async function checkSchemaChange(oldSdl, newSdl, today = new Date()) {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const oldSchema = buildSchema(oldSdl);
  const newSchema = buildSchema(newSdl);
  const oldReasons = deprecations(oldSchema);
  const changes = await diff(oldSchema, newSchema);
  const removedTypes = new Set(changes.filter((c) => c.type === 'TYPE_REMOVED').map((c) => c.path));
  const failures = [];
  const dangers = [];
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Dangerous) dangers.push(change.message);
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const path = change.path ?? '';
    const allowed =
      change.type === 'TYPE_REMOVED'
        ? references(oldSchema, path).every(
            (ref) => removedTypes.has(ref.owner) || removalDue(ref.path, oldReasons, day),
          )
        : path !== '' && removalDue(path, oldReasons, day);
    if (allowed) continue;
    const date = removalDate(oldReasons.get(path));
    failures.push(
      date
        ? `${change.message} (its removal date, ${date.toISOString().slice(0, 10)}, has not passed)`
        : `${change.message} (not deprecated with a "Removal after YYYY-MM-DD" date that has passed)`,
    );
  }
  // A new deprecation (or a new reason) must give tool authors at least NOTICE_DAYS of notice.
  const earliest = new Date(day.getTime() + NOTICE_DAYS * DAY_MS);
  for (const [path, reason] of deprecations(newSchema)) {
    if (oldReasons.get(path) === reason) continue;
    const date = removalDate(reason);
    if (!date) failures.push(`${path} is deprecated without "Removal after YYYY-MM-DD" in its reason`);
    else if (date < earliest)
      failures.push(
        `${path} is deprecated with removal after ${reason.match(REMOVAL_AFTER)[1]}: ` +
          `give at least ${NOTICE_DAYS} days (${earliest.toISOString().slice(0, 10)} or later)`,
      );
  }
  return { failures, dangers };
}

async function main() {
  const [oldFile, newFile] = process.argv.slice(2);
  const oldSdl = oldFile ? readFileSync(oldFile, 'utf8') : previousSchema();
  if (oldSdl === undefined) {
    console.log('schema breaking-change check: passed (nothing to compare with)');
    return;
  }
  const newSdl = readFileSync(newFile ?? resolve(ROOT, 'schema.graphql'), 'utf8');
  const { failures, dangers } = await checkSchemaChange(oldSdl, newSdl);
  for (const danger of dangers) console.log(`dangerous (passes): ${danger}`);
  if (failures.length > 0) {
    console.error(`schema.graphql breaks tools built on ${oldFile ?? 'HEAD~1'}:`);
    for (const failure of failures) console.error(`  ${failure}`);
    console.error('See the README, "Descriptions and deprecation policy".');
    process.exit(1);
  }
  console.log(`schema breaking-change check: passed against ${oldFile ?? 'HEAD~1'}`);
}

await main();
