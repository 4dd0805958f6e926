import type { Api } from '../types';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What every new API starts with, declared here or standing in for one outside the inputs: nothing read yet. */
export function emptyApiParts(): Pick<
  Mutable<Api>,
  | 'models'
  | 'operations'
  | 'stages'
  | 'authorizers'
  | 'validators'
  | 'gatewayResponses'
  | 'cors'
  | 'domainIds'
  | 'definedByOpenApi'
> {
  return {
    models: [],
    operations: [],
    stages: [],
    authorizers: [],
    validators: [],
    gatewayResponses: [],
    cors: [],
    domainIds: [],
    definedByOpenApi: false,
  };
}
