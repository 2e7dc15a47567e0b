// Limits on what one operation may ask for: depth, aliases, directives and tokens (graphql-armor), and a
// cost in which list sizes multiply: `tickets(first: 100) { edges { node { messages(last: 100) ... } } }`
// costs 100 × 100 × its fields, so one query cannot ask for ten thousand threads.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../support/pagination.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

const PAGE_ARGUMENTS = ['first', 'last'];

function pageSize(field: FieldNode): number | null {
  const argument = field.arguments?.find((arg) => PAGE_ARGUMENTS.includes(arg.name.value));
  const isConnection = field.selectionSet?.selections.some(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === 'edges',
  );
  if (!argument) return isConnection ? DEFAULT_PAGE_SIZE : null;
  const value = argument.value;
  // A page size given as a variable is not known at validation: it counts as the largest allowed.
  const raw = value.kind === Kind.INT ? Number(value.value) : MAX_PAGE_SIZE;
  return Number.isFinite(raw) ? Math.min(Math.max(raw, 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

function costOf(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (!selection.selectionSet) {
        cost += 1;
        continue;
      }
      const inner = costOf(selection.selectionSet, fragments, seen);
      cost += 1 + inner * (pageSize(selection) ?? 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += costOf(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      cost += costOf(fragment.selectionSet, fragments, new Set([...seen, name]));
    }
  }
  return cost;
}

/** The cost rule: every field costs 1, and what a list field selects costs once per item of its page. */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = Object.fromEntries(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const cost = costOf(operation.selectionSet, fragments, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query is too expensive: its cost is ${cost}, the limit is ${maxCost} (list sizes multiply; ask for smaller pages)`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}

export function queryLimitProtections(limits: QueryLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false }, // done per caller: see hideSuggestionsFromStrangers
    costLimit: { enabled: false }, // ours multiplies by page sizes
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false }, // graphql-js's own parser limit (parseOptions.maxTokens) keeps parse errors what they are
  }).protect();
  // graphql-armor's types name Apollo's CommonJS build; the plugins are the same objects.
  return {
    plugins: armor.plugins as unknown as ApolloServerPlugin[],
    validationRules: [...armor.validationRules, costLimitRule(limits.maxCost)],
  };
}
