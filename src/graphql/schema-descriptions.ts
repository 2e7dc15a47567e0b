// Lists every schema coordinate that has no description, so CI can refuse a schema a tool author cannot read.
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';

const described = (description: string | null | undefined): boolean => (description ?? '').trim() !== '';

function undescribedArguments(owner: string, args: readonly GraphQLArgument[]): string[] {
  return args.filter((arg) => !described(arg.description)).map((arg) => `${owner}(${arg.name}:)`);
}

function undescribedInType(type: GraphQLNamedType): string[] {
  const missing = described(type.description) ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (!described(field.description)) missing.push(coordinate);
      missing.push(...undescribedArguments(coordinate, field.args));
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

/**
 * The schema coordinates in `sdl` without a description (blank counts as none): types, fields, arguments
 * (`Type.field(arg:)`), input fields, enum values and the schema's own directives, sorted.
 * GraphQL's built-in scalars, directives and introspection types are described by the spec and skipped.
 */
export function undescribedCoordinates(sdl: string): string[] {
  const schema = buildSchema(sdl);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    missing.push(...undescribedInType(type));
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    const coordinate = `@${directive.name}`;
    if (!described(directive.description)) missing.push(coordinate);
    missing.push(...undescribedArguments(coordinate, directive.args));
  }
  return missing.sort();
}
