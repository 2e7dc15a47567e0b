// Every string argument and input field of every operation, cleaned once before any resolver sees it: the
// same normalisation as the webhook's (src/text/clean-text.ts). Control characters are removed, not refused,
// so that a pasted NUL or a lone surrogate never decides whether an agent's note is kept.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { cleanDeep } from '../text/clean-text.js';

type AnyResolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

const withCleanArguments =
  (resolve: AnyResolver): AnyResolver =>
  (source, args, context, info) =>
    resolve(source, cleanDeep(args), context, info);

/** Wraps, in place, the resolvers (and subscribe functions) of every field that takes arguments. */
export function cleanStringArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      if (field.resolve) field.resolve = withCleanArguments(field.resolve as AnyResolver);
      if (field.subscribe) field.subscribe = withCleanArguments(field.subscribe as AnyResolver);
    }
  }
  return schema;
}
