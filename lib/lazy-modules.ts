/**
 * Packages only some runs need, loaded on first use. `api-guardrails check cdk.out` reads JSON only and
 * writes text, yet importing `yaml` (72 modules) and `fast-xml-parser` (one large bundle) at start-up
 * would delay every run's first template. Synchronous `require`, because `import()` would make
 * template parsing and rendering async.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deliberate synchronous lazy loads, see above */
import type * as Yaml from 'yaml';
import type * as FastXml from 'fast-xml-parser';
import type * as CdkLib from 'aws-cdk-lib';

let yamlModule: typeof Yaml | undefined;
let xmlModule: typeof FastXml | undefined;
let cdkModule: typeof CdkLib | undefined;

/** The `yaml` package (CloudFormation YAML, YAML standards, YAML OpenAPI bodies). */
export function yaml(): typeof Yaml {
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}

/** The `fast-xml-parser` package (its XMLBuilder writes `--format junit`). */
export function fastXml(): typeof FastXml {
  xmlModule ??= require('fast-xml-parser') as typeof FastXml;
  return xmlModule;
}

/**
 * aws-cdk-lib, for code that walks a construct tree (only ever called inside a CDK app, where it is
 * loaded already). Modules the CLI imports must not load it: it is a peer dependency that template-only
 * users need not install.
 */
export function cdkLib(): typeof CdkLib {
  cdkModule ??= require('aws-cdk-lib') as typeof CdkLib;
  return cdkModule;
}
