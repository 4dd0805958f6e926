import type { CfnDomainName, CfnRestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  type BasePathMapping,
  DomainName,
  type EndpointAccessMode,
  type EndpointType,
  type SecurityPolicy,
} from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { applyOwnership, type OwnershipProps } from './common';
import { GuardrailsConstructError } from './errors';
import { standardOptions } from './standard-bounds';
import { resolveDomainSettings } from './secure-api-domain-defaults';
import type { SecureRestApi } from './secure-rest-api';

/** Mutual TLS: the truststore (PEM bundle of client CA certificates) in S3. */
export interface MutualTlsOptions {
  readonly bucket: IBucket;
  /** Object key of the truststore. */
  readonly key: string;
  /**
   * S3 object version of the truststore (the bucket must be versioned). Required: without it the next update of
   * the domain trusts whatever object is at the key (rule mtls-truststore-version).
   */
  readonly version: string;
}

export interface SecureApiDomainProps extends OwnershipProps {
  /** The custom domain name, e.g. 'orders.api.example.com'. */
  readonly domainName: string;
  /** ACM certificate for the domain (us-east-1 for EDGE). */
  readonly certificate: ICertificate;
  /**
   * TLS security policy, from ALLOWED_TLS_POLICIES.
   * @default SecurityPolicy.TLS_1_2
   */
  readonly securityPolicy?: SecurityPolicy;
  /**
   * Endpoint access mode, for the enhanced (SecurityPolicy_*) policies only.
   * @default EndpointAccessMode.STRICT with an enhanced policy; unset otherwise
   */
  readonly endpointAccessMode?: EndpointAccessMode;
  /**
   * Endpoint type of the domain (must match the mapped APIs).
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: EndpointType;
  /**
   * Mutual TLS: clients must present a certificate signed by a CA in the truststore.
   * @default - no mutual TLS
   */
  readonly mutualTls?: MutualTlsOptions;
  /**
   * A public ACM certificate for the same name, proving ownership when mutual TLS is used with an imported or
   * ACM Private CA `certificate` (rule mtls-ownership-verification).
   * @default - none (fine for a public ACM certificate created in the same stack)
   */
  readonly ownershipVerificationCertificate?: ICertificate;
}

/**
 * A REST API custom domain with an allowlisted TLS policy and optional mutual TLS. Mapping an API
 * (`mapRestApi`) disables its default execute-api endpoint, so the domain (and its TLS and mTLS
 * settings) is the only way in.
 */
export class SecureApiDomain extends Construct {
  readonly domain: DomainName;

  constructor(scope: Construct, id: string, props: SecureApiDomainProps) {
    super(scope, id);
    applyOwnership(this, props);
    const settings = resolveDomainSettings(props);
    if (
      !props.mutualTls &&
      standardOptions<{ requireMtls: boolean }>('domain-mtls', props.dataClassification).requireMtls
    ) {
      throw new GuardrailsConstructError(
        'E_MTLS_TRUSTSTORE',
        `A ${props.dataClassification} custom domain must authenticate clients with mutual TLS (rule domain-mtls), and a truststore cannot be defaulted.`,
        props.mutualTls,
        "Pass mutualTls: { bucket, key: 'truststore.pem', version } with the CA bundle your clients' certificates chain to.",
      );
    }
    if (props.mutualTls && (!props.mutualTls.key || props.mutualTls.key.trim() === '')) {
      throw new GuardrailsConstructError(
        'E_MTLS_TRUSTSTORE',
        'Mutual TLS needs the truststore object key.',
        props.mutualTls.key,
        'Set mutualTls.key to the PEM bundle key in the bucket.',
      );
    }
    if (props.mutualTls && (!props.mutualTls.version || props.mutualTls.version.trim() === '')) {
      throw new GuardrailsConstructError(
        'E_MTLS_TRUSTSTORE',
        'Mutual TLS needs the S3 object version of the truststore, so that only a reviewed change alters the trusted CAs.',
        props.mutualTls.version,
        "Set mutualTls.version to the truststore object's version id (enable versioning on the bucket).",
      );
    }
    this.domain = new DomainName(this, 'Domain', {
      domainName: props.domainName,
      certificate: props.certificate,
      securityPolicy: settings.securityPolicy,
      endpointAccessMode: settings.endpointAccessMode,
      endpointType: settings.endpointType,
      mtls: props.mutualTls,
    });
    if (props.ownershipVerificationCertificate) {
      (this.domain.node.defaultChild as CfnDomainName).ownershipVerificationCertificateArn =
        props.ownershipVerificationCertificate.certificateArn;
    }
  }

  /** Map a secure REST API's stage under `basePath` and turn its execute-api endpoint off. */
  mapRestApi(api: SecureRestApi, options: { readonly basePath?: string } = {}): BasePathMapping {
    const mapping = this.domain.addBasePathMapping(api.api, { basePath: options.basePath, stage: api.stage });
    (api.api.node.defaultChild as CfnRestApi).disableExecuteApiEndpoint = true;
    return mapping;
  }
}
