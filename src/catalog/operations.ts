// Operation catalog for the EIAM API (Eiam 2021-12-01): the names and shapes of every
// request parameter and response field, derived from Alibaba Cloud's published SDK models.
// It drives the client's typing and encoding and the local server's dispatch and parsing.
// Generated; edit with care and keep types.ts in step.

import type { OperationSpec } from './spec';

/** The operations of the seed list, in its order. */
export const SEED_OPERATIONS = [
  'ListRegions',
  'CreateInstance',
  'DeleteInstance',
  'UpdateInstanceDescription',
  'ListInstances',
  'GetInstance',
  'CreateApplication',
  'DeleteApplication',
  'UpdateApplicationDescription',
  'EnableApplication',
  'DisableApplication',
  'GetApplication',
  'ListApplications',
  'SetApplicationSsoConfig',
  'GetApplicationSsoConfig',
  'AuthorizeApplicationToUsers',
  'AuthorizeApplicationToOrganizationalUnits',
  'AuthorizeApplicationToGroups',
  'RevokeApplicationFromUsers',
  'RevokeApplicationFromOrganizationalUnits',
  'RevokeApplicationFromGroups',
  'UpdateApplicationAuthorizationType',
  'ListUsersForApplication',
  'ListOrganizationalUnitsForApplication',
  'ListGroupsForApplication',
  'ListApplicationsForUser',
  'ListApplicationsForOrganizationalUnit',
  'CreateApplicationClientSecret',
  'DeleteApplicationClientSecret',
  'DisableApplicationClientSecret',
  'EnableApplicationClientSecret',
  'ListApplicationClientSecrets',
  'ObtainApplicationClientSecret',
  'EnableApplicationApiInvoke',
  'DisableApplicationApiInvoke',
  'SetApplicationGrantScope',
  'GetApplicationGrantScope',
  'DisableApplicationProvisioning',
  'EnableApplicationProvisioning',
  'SetApplicationProvisioningConfig',
  'SetApplicationProvisioningScope',
  'GetApplicationProvisioningConfig',
  'GetApplicationProvisioningScope',
  'CreateUser',
  'AddUserToOrganizationalUnits',
  'DeleteUser',
  'RemoveUserFromOrganizationalUnits',
  'UpdateUser',
  'UpdateUserPassword',
  'UpdateUserDescription',
  'DisableUser',
  'EnableUser',
  'UnlockUser',
  'SetUserPrimaryOrganizationalUnit',
  'GetUser',
  'ListUsers',
  'CreateOrganizationalUnit',
  'DeleteOrganizationalUnit',
  'DeleteOrganizationalUnitChildren',
  'UpdateOrganizationalUnit',
  'UpdateOrganizationalUnitDescription',
  'UpdateOrganizationalUnitParentId',
  'GetRootOrganizationalUnit',
  'GetOrganizationalUnit',
  'ListOrganizationalUnits',
  'CreateGroup',
  'AddUsersToGroup',
  'DeleteGroup',
  'RemoveUsersFromGroup',
  'UpdateGroup',
  'UpdateGroupDescription',
  'GetGroup',
  'ListGroups',
  'ListUsersForGroup',
  'ListGroupsForUser',
  'SetForgetPasswordConfiguration',
  'SetPasswordInitializationConfiguration',
  'SetPasswordHistoryConfiguration',
  'SetPasswordExpirationConfiguration',
  'SetPasswordComplexityConfiguration',
  'GetForgetPasswordConfiguration',
  'GetPasswordInitializationConfiguration',
  'GetPasswordHistoryConfiguration',
  'GetPasswordExpirationConfiguration',
  'GetPasswordComplexityConfiguration',
] as const;

/** Operations of the current API beyond the seed list that the resources need. */
export const EXTRA_OPERATIONS = ['UpdateApplicationInfo'] as const;

/** Every operation the client and the local server speak. */
export type OperationName = (typeof SEED_OPERATIONS)[number] | (typeof EXTRA_OPERATIONS)[number];

/** Request parameters and response fields of each operation. */
export const OPERATIONS: Record<OperationName, OperationSpec> = {
  ListRegions: {
    request: [],
    response: {
      Regions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            LocalName: {
              type: 'string',
            },
            RegionEndpoint: {
              type: 'string',
            },
            RegionId: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  CreateInstance: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
    ],
    response: {
      InstanceId: {
        type: 'string',
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteInstance: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateInstanceDescription: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  ListInstances: {
    request: [
      {
        name: 'CrossRegionReplication',
        type: 'string',
      },
      {
        name: 'Edition',
        type: 'string',
      },
      {
        name: 'InstanceIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'Status',
        type: 'string',
      },
    ],
    response: {
      Instances: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            CreateTime: {
              type: 'integer',
            },
            CrossRegionReplication: {
              type: 'string',
            },
            CrossRegionReplicationRole: {
              type: 'string',
            },
            DefaultEndpoint: {
              type: 'object',
              properties: {
                Endpoint: {
                  type: 'string',
                },
                Status: {
                  type: 'string',
                },
              },
            },
            Description: {
              type: 'string',
            },
            InstanceFailoverStatus: {
              type: 'string',
            },
            InstanceId: {
              type: 'string',
            },
            ManagedServiceCode: {
              type: 'string',
            },
            ReplicationConfiguration: {
              type: 'object',
              properties: {
                BackupInstanceId: {
                  type: 'string',
                },
                BackupInstanceRegionId: {
                  type: 'string',
                },
                PrimaryInstanceId: {
                  type: 'string',
                },
                PrimaryInstanceRegionId: {
                  type: 'string',
                },
                ReplicationCreateTime: {
                  type: 'integer',
                },
              },
            },
            ServiceManaged: {
              type: 'boolean',
            },
            Status: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  GetInstance: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      Instance: {
        type: 'object',
        properties: {
          CreateTime: {
            type: 'integer',
          },
          CrossRegionReplication: {
            type: 'string',
          },
          CrossRegionReplicationRole: {
            type: 'string',
          },
          DefaultEndpoint: {
            type: 'object',
            properties: {
              Endpoint: {
                type: 'string',
              },
              Status: {
                type: 'string',
              },
            },
          },
          Description: {
            type: 'string',
          },
          DomainConfig: {
            type: 'object',
            properties: {
              DefaultDomain: {
                type: 'string',
              },
              InitDomain: {
                type: 'string',
              },
              InitDomainAutoRedirectStatus: {
                type: 'string',
              },
            },
          },
          EgressAddresses: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          InstanceFailoverStatus: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          ManagedServiceCode: {
            type: 'string',
          },
          ReplicationConfiguration: {
            type: 'object',
            properties: {
              BackupInstanceId: {
                type: 'string',
              },
              BackupInstanceRegionId: {
                type: 'string',
              },
              PrimaryInstanceId: {
                type: 'string',
              },
              PrimaryInstanceRegionId: {
                type: 'string',
              },
              ReplicationCreateTime: {
                type: 'integer',
              },
            },
          },
          ServiceManaged: {
            type: 'boolean',
          },
          Status: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  CreateApplication: {
    request: [
      {
        name: 'ApplicationIdentityType',
        type: 'string',
      },
      {
        name: 'ApplicationName',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationOwner',
        type: 'object',
        properties: {
          GroupIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          UserIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'ApplicationSourceType',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationTemplateId',
        type: 'string',
      },
      {
        name: 'CustomFields',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            FieldName: {
              type: 'string',
            },
            FieldValue: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'LogoUrl',
        type: 'string',
      },
      {
        name: 'SsoType',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationId: {
        type: 'string',
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateApplicationDescription: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  EnableApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DisableApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      Application: {
        type: 'object',
        properties: {
          ApiInvokeStatus: {
            type: 'string',
          },
          ApplicationCreationType: {
            type: 'string',
          },
          ApplicationId: {
            type: 'string',
          },
          ApplicationIdentityType: {
            type: 'string',
          },
          ApplicationName: {
            type: 'string',
          },
          ApplicationOwner: {
            type: 'object',
            properties: {
              GroupIds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              UserIds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          ApplicationSourceType: {
            type: 'string',
          },
          ApplicationTemplateId: {
            type: 'string',
          },
          ApplicationVisibility: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          AuthorizationType: {
            type: 'string',
          },
          ClientId: {
            type: 'string',
          },
          CreateTime: {
            type: 'integer',
          },
          CustomFields: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                FieldName: {
                  type: 'string',
                },
                FieldValue: {
                  type: 'string',
                },
              },
            },
          },
          CustomSubjectStatus: {
            type: 'string',
          },
          Description: {
            type: 'string',
          },
          Features: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          LogoUrl: {
            type: 'string',
          },
          M2MClientStatus: {
            type: 'string',
          },
          ManagedServiceCode: {
            type: 'string',
          },
          ResourceServerIdentifier: {
            type: 'string',
          },
          ResourceServerSourceType: {
            type: 'string',
          },
          ResourceServerStatus: {
            type: 'string',
          },
          ServiceManaged: {
            type: 'boolean',
          },
          SmartConfigCapabilities: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          SsoType: {
            type: 'string',
          },
          Status: {
            type: 'string',
          },
          UpdateTime: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  ListApplications: {
    request: [
      {
        name: 'ApplicationCreationType',
        type: 'string',
      },
      {
        name: 'ApplicationIdentityType',
        type: 'string',
      },
      {
        name: 'ApplicationIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'ApplicationName',
        type: 'string',
      },
      {
        name: 'ApplicationTemplateId',
        type: 'string',
      },
      {
        name: 'AuthorizationType',
        type: 'string',
      },
      {
        name: 'CustomFields',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            FieldName: {
              type: 'string',
            },
            FieldValue: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'M2MClientStatus',
        type: 'string',
      },
      {
        name: 'ManagedServiceCode',
        type: 'string',
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'ResourceServerStatus',
        type: 'string',
      },
      {
        name: 'ServiceManaged',
        type: 'boolean',
      },
      {
        name: 'SsoType',
        type: 'string',
      },
      {
        name: 'Status',
        type: 'string',
      },
    ],
    response: {
      Applications: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationCreationType: {
              type: 'string',
            },
            ApplicationId: {
              type: 'string',
            },
            ApplicationIdentityType: {
              type: 'string',
            },
            ApplicationName: {
              type: 'string',
            },
            ApplicationSourceType: {
              type: 'string',
            },
            ApplicationTemplateId: {
              type: 'string',
            },
            ClientId: {
              type: 'string',
            },
            CreateTime: {
              type: 'integer',
            },
            Description: {
              type: 'string',
            },
            Features: {
              type: 'string',
            },
            InstanceId: {
              type: 'string',
            },
            LogoUrl: {
              type: 'string',
            },
            ManagedServiceCode: {
              type: 'string',
            },
            ResourceServerIdentifier: {
              type: 'string',
            },
            ResourceServerSourceType: {
              type: 'string',
            },
            ResourceServerStatus: {
              type: 'string',
            },
            ServiceManaged: {
              type: 'boolean',
            },
            SsoType: {
              type: 'string',
            },
            Status: {
              type: 'string',
            },
            UpdateTime: {
              type: 'integer',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  SetApplicationSsoConfig: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ClientToken',
        type: 'string',
      },
      {
        name: 'InitLoginType',
        type: 'string',
      },
      {
        name: 'InitLoginUrl',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OidcSsoConfig',
        type: 'object',
        properties: {
          AccessTokenEffectiveTime: {
            type: 'integer',
          },
          AllowedPublicClient: {
            type: 'boolean',
          },
          CodeEffectiveTime: {
            type: 'integer',
          },
          CustomClaims: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                ClaimName: {
                  type: 'string',
                },
                ClaimValueExpression: {
                  type: 'string',
                },
              },
            },
          },
          GrantScopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          GrantTypes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          IdTokenEffectiveTime: {
            type: 'integer',
          },
          PasswordAuthenticationSourceId: {
            type: 'string',
          },
          PasswordTotpMfaRequired: {
            type: 'boolean',
          },
          PkceChallengeMethods: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          PkceRequired: {
            type: 'boolean',
          },
          PostLogoutRedirectUris: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          RedirectUris: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          RefreshTokenEffective: {
            type: 'integer',
          },
          ResponseTypes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          SubjectIdExpression: {
            type: 'string',
          },
        },
      },
      {
        name: 'SamlSsoConfig',
        type: 'object',
        properties: {
          AssertionSigned: {
            type: 'boolean',
          },
          AttributeStatements: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                AttributeName: {
                  type: 'string',
                },
                AttributeValueExpression: {
                  type: 'string',
                },
              },
            },
          },
          DefaultRelayState: {
            type: 'string',
          },
          IdPEntityId: {
            type: 'string',
          },
          NameIdFormat: {
            type: 'string',
          },
          NameIdValueExpression: {
            type: 'string',
          },
          OptionalRelayStates: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                DisplayName: {
                  type: 'string',
                },
                RelayState: {
                  type: 'string',
                },
              },
            },
          },
          ResponseSigned: {
            type: 'boolean',
          },
          SignatureAlgorithm: {
            type: 'string',
          },
          SpEntityId: {
            type: 'string',
          },
          SpSsoAcsUrl: {
            type: 'string',
          },
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetApplicationSsoConfig: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationSsoConfig: {
        type: 'object',
        properties: {
          InitLoginType: {
            type: 'string',
          },
          InitLoginUrl: {
            type: 'string',
          },
          OidcSsoConfig: {
            type: 'object',
            properties: {
              AccessTokenEffectiveTime: {
                type: 'integer',
              },
              AllowedPublicClient: {
                type: 'string',
              },
              CodeEffectiveTime: {
                type: 'integer',
              },
              CustomClaims: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    ClaimName: {
                      type: 'string',
                    },
                    ClaimValueExpression: {
                      type: 'string',
                    },
                  },
                },
              },
              GrantScopes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              GrantTypes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              IdTokenEffectiveTime: {
                type: 'integer',
              },
              PasswordAuthenticationSourceId: {
                type: 'string',
              },
              PasswordTotpMfaRequired: {
                type: 'boolean',
              },
              PkceChallengeMethods: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              PkceRequired: {
                type: 'boolean',
              },
              PostLogoutRedirectUris: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              RedirectUris: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              RefreshTokenEffective: {
                type: 'integer',
              },
              ResponseTypes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              SubjectIdExpression: {
                type: 'string',
              },
            },
          },
          ProtocolEndpointDomain: {
            type: 'object',
            properties: {
              Oauth2AuthorizationEndpoint: {
                type: 'string',
              },
              Oauth2DeviceAuthorizationEndpoint: {
                type: 'string',
              },
              Oauth2RevokeEndpoint: {
                type: 'string',
              },
              Oauth2TokenEndpoint: {
                type: 'string',
              },
              Oauth2UserinfoEndpoint: {
                type: 'string',
              },
              OidcIssuer: {
                type: 'string',
              },
              OidcJwksEndpoint: {
                type: 'string',
              },
              OidcLogoutEndpoint: {
                type: 'string',
              },
              SamlMetaEndpoint: {
                type: 'string',
              },
              SamlSsoEndpoint: {
                type: 'string',
              },
            },
          },
          SamlSsoConfig: {
            type: 'object',
            properties: {
              AssertionSigned: {
                type: 'boolean',
              },
              AttributeStatements: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    AttributeName: {
                      type: 'string',
                    },
                    AttributeValueExpression: {
                      type: 'string',
                    },
                  },
                },
              },
              DefaultRelayState: {
                type: 'string',
              },
              IdPEntityId: {
                type: 'string',
              },
              NameIdFormat: {
                type: 'string',
              },
              NameIdValueExpression: {
                type: 'string',
              },
              OptionalRelayStates: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    DisplayName: {
                      type: 'string',
                    },
                    RelayState: {
                      type: 'string',
                    },
                  },
                },
              },
              ResponseSigned: {
                type: 'boolean',
              },
              SignatureAlgorithm: {
                type: 'string',
              },
              SpEntityId: {
                type: 'string',
              },
              SpSsoAcsUrl: {
                type: 'string',
              },
            },
          },
          SsoStatus: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  AuthorizeApplicationToUsers: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  AuthorizeApplicationToOrganizationalUnits: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  AuthorizeApplicationToGroups: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'GroupIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  RevokeApplicationFromUsers: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  RevokeApplicationFromOrganizationalUnits: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  RevokeApplicationFromGroups: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'GroupIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateApplicationAuthorizationType: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'AuthorizationType',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  ListUsersForApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'UserIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
      Users: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationRoles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ApplicationRoleId: {
                    type: 'string',
                  },
                },
              },
            },
            UserId: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  ListOrganizationalUnitsForApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
    ],
    response: {
      OrganizationalUnits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationRoles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ApplicationRoleId: {
                    type: 'string',
                  },
                },
              },
            },
            OrganizationalUnitId: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  ListGroupsForApplication: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationRoleId',
        type: 'string',
      },
      {
        name: 'GroupIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
    ],
    response: {
      Groups: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationRoles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ApplicationRoleId: {
                    type: 'string',
                  },
                },
              },
            },
            GroupId: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  ListApplicationsForUser: {
    request: [
      {
        name: 'ApplicationIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'QueryMode',
        type: 'string',
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      Applications: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationId: {
              type: 'string',
            },
            ApplicationRoles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ApplicationRoleId: {
                    type: 'string',
                  },
                  HasDirectAuthorization: {
                    type: 'boolean',
                  },
                  HasInheritAuthorization: {
                    type: 'boolean',
                  },
                },
              },
            },
            HasDirectAuthorization: {
              type: 'boolean',
            },
            HasInheritAuthorization: {
              type: 'boolean',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  ListApplicationsForOrganizationalUnit: {
    request: [
      {
        name: 'ApplicationIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
    ],
    response: {
      Applications: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationId: {
              type: 'string',
            },
            ApplicationRoles: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ApplicationRoleId: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  CreateApplicationClientSecret: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ExpirationTime',
        type: 'integer',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationClientSecret: {
        type: 'object',
        properties: {
          ClientId: {
            type: 'string',
          },
          ClientSecret: {
            type: 'string',
          },
          SecretId: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteApplicationClientSecret: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'SecretId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DisableApplicationClientSecret: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'SecretId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  EnableApplicationClientSecret: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'SecretId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  ListApplicationClientSecrets: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationClientSecrets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            ApplicationId: {
              type: 'string',
            },
            ClientId: {
              type: 'string',
            },
            ClientSecret: {
              type: 'string',
            },
            ExpirationTime: {
              type: 'integer',
            },
            InstanceId: {
              type: 'string',
            },
            LastUsedTime: {
              type: 'integer',
            },
            SecretId: {
              type: 'string',
            },
            Status: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  ObtainApplicationClientSecret: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'SecretId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationClientSecret: {
        type: 'object',
        properties: {
          ApplicationId: {
            type: 'string',
          },
          ClientId: {
            type: 'string',
          },
          ClientSecret: {
            type: 'string',
          },
          ExpirationTime: {
            type: 'integer',
          },
          InstanceId: {
            type: 'string',
          },
          LastUsedTime: {
            type: 'integer',
          },
          SecretId: {
            type: 'string',
          },
          Status: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  EnableApplicationApiInvoke: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DisableApplicationApiInvoke: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetApplicationGrantScope: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'GrantScopes',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetApplicationGrantScope: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationGrantScope: {
        type: 'object',
        properties: {
          GrantScopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  DisableApplicationProvisioning: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  EnableApplicationProvisioning: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetApplicationProvisioningConfig: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'CallbackProvisioningConfig',
        type: 'object',
        properties: {
          CallbackUrl: {
            type: 'string',
          },
          EncryptKey: {
            type: 'string',
          },
          EncryptRequired: {
            type: 'boolean',
          },
          ListenEventScopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'NetworkAccessEndpointId',
        type: 'string',
      },
      {
        name: 'ProvisionPassword',
        type: 'boolean',
      },
      {
        name: 'ProvisionProtocolType',
        type: 'string',
        required: true,
      },
      {
        name: 'ScimProvisioningConfig',
        type: 'object',
        properties: {
          AuthnConfiguration: {
            type: 'object',
            properties: {
              AuthnMode: {
                type: 'string',
              },
              AuthnParam: {
                type: 'object',
                properties: {
                  AccessToken: {
                    type: 'string',
                  },
                  AuthnMethod: {
                    type: 'string',
                  },
                  ClientId: {
                    type: 'string',
                  },
                  ClientSecret: {
                    type: 'string',
                  },
                  TokenEndpoint: {
                    type: 'string',
                  },
                },
              },
              GrantType: {
                type: 'string',
              },
            },
          },
          FullPushScopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          ProvisioningActions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          ScimBaseUrl: {
            type: 'string',
          },
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetApplicationProvisioningScope: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'GroupIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetApplicationProvisioningConfig: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationProvisioningConfig: {
        type: 'object',
        properties: {
          ApplicationId: {
            type: 'string',
          },
          CallbackProvisioningConfig: {
            type: 'object',
            properties: {
              CallbackUrl: {
                type: 'string',
              },
              EncryptKey: {
                type: 'string',
              },
              EncryptRequired: {
                type: 'boolean',
              },
              ListenEventScopes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          ConfigOperateMode: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          NetworkAccessEndpointId: {
            type: 'string',
          },
          ProvisionJwksEndpoint: {
            type: 'string',
          },
          ProvisionPassword: {
            type: 'boolean',
          },
          ProvisionProtocolType: {
            type: 'string',
          },
          ScimProvisioningConfig: {
            type: 'object',
            properties: {
              AuthnConfiguration: {
                type: 'object',
                properties: {
                  AuthnMode: {
                    type: 'string',
                  },
                  AuthnParam: {
                    type: 'object',
                    properties: {
                      AccessToken: {
                        type: 'string',
                      },
                      AuthnMethod: {
                        type: 'string',
                      },
                      ClientId: {
                        type: 'string',
                      },
                      ClientSecret: {
                        type: 'string',
                      },
                      TokenEndpoint: {
                        type: 'string',
                      },
                    },
                  },
                  GrantType: {
                    type: 'string',
                  },
                },
              },
              FullPushScopes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              ProvisioningActions: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              ScimBaseUrl: {
                type: 'string',
              },
            },
          },
          Status: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetApplicationProvisioningScope: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      ApplicationProvisioningScope: {
        type: 'object',
        properties: {
          GroupIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          MaxQuota: {
            type: 'integer',
          },
          OrganizationalUnitIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          UsedQuota: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  CreateUser: {
    request: [
      {
        name: 'ClientToken',
        type: 'string',
      },
      {
        name: 'CustomFields',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            FieldName: {
              type: 'string',
            },
            FieldValue: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'DisplayName',
        type: 'string',
      },
      {
        name: 'Email',
        type: 'string',
      },
      {
        name: 'EmailVerified',
        type: 'boolean',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'Password',
        type: 'string',
      },
      {
        name: 'PasswordInitializationConfig',
        type: 'object',
        properties: {
          PasswordForcedUpdateStatus: {
            type: 'string',
          },
          PasswordInitializationPolicyPriority: {
            type: 'string',
          },
          PasswordInitializationType: {
            type: 'string',
          },
          UserNotificationChannels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'PhoneNumber',
        type: 'string',
      },
      {
        name: 'PhoneNumberVerified',
        type: 'boolean',
      },
      {
        name: 'PhoneRegion',
        type: 'string',
      },
      {
        name: 'PrimaryOrganizationalUnitId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserExternalId',
        type: 'string',
      },
      {
        name: 'Username',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
      UserId: {
        type: 'string',
      },
    },
  },
  AddUserToOrganizationalUnits: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  RemoveUserFromOrganizationalUnits: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateUser: {
    request: [
      {
        name: 'CustomFields',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            FieldName: {
              type: 'string',
            },
            FieldValue: {
              type: 'string',
            },
            Operation: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'DisplayName',
        type: 'string',
      },
      {
        name: 'Email',
        type: 'string',
      },
      {
        name: 'EmailVerified',
        type: 'boolean',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PhoneNumber',
        type: 'string',
      },
      {
        name: 'PhoneNumberVerified',
        type: 'boolean',
      },
      {
        name: 'PhoneRegion',
        type: 'string',
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
      {
        name: 'Username',
        type: 'string',
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateUserPassword: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'Password',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordForcedUpdateStatus',
        type: 'string',
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserNotificationChannels',
        type: 'array',
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateUserDescription: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DisableUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  EnableUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UnlockUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetUserPrimaryOrganizationalUnit: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
      User: {
        type: 'object',
        properties: {
          AccountExpireTime: {
            type: 'integer',
          },
          CreateTime: {
            type: 'integer',
          },
          CustomFields: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                FieldName: {
                  type: 'string',
                },
                FieldValue: {
                  type: 'string',
                },
              },
            },
          },
          Description: {
            type: 'string',
          },
          DisplayName: {
            type: 'string',
          },
          Email: {
            type: 'string',
          },
          EmailVerified: {
            type: 'boolean',
          },
          Groups: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                Description: {
                  type: 'string',
                },
                GroupId: {
                  type: 'string',
                },
                GroupName: {
                  type: 'string',
                },
              },
            },
          },
          InstanceId: {
            type: 'string',
          },
          LockExpireTime: {
            type: 'integer',
          },
          OrganizationalUnits: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                OrganizationalUnitId: {
                  type: 'string',
                },
                OrganizationalUnitName: {
                  type: 'string',
                },
                Primary: {
                  type: 'boolean',
                },
              },
            },
          },
          PasswordExpireTime: {
            type: 'integer',
          },
          PasswordSet: {
            type: 'boolean',
          },
          PhoneNumber: {
            type: 'string',
          },
          PhoneNumberVerified: {
            type: 'boolean',
          },
          PhoneRegion: {
            type: 'string',
          },
          PreferredLanguage: {
            type: 'string',
          },
          PrimaryOrganizationalUnitId: {
            type: 'string',
          },
          RegisterTime: {
            type: 'integer',
          },
          Status: {
            type: 'string',
          },
          UpdateTime: {
            type: 'integer',
          },
          UserExternalId: {
            type: 'string',
          },
          UserId: {
            type: 'string',
          },
          UserSourceId: {
            type: 'string',
          },
          UserSourceType: {
            type: 'string',
          },
          Username: {
            type: 'string',
          },
        },
      },
    },
  },
  ListUsers: {
    request: [
      {
        name: 'DisplayNameStartsWith',
        type: 'string',
      },
      {
        name: 'Email',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'MaxResults',
        type: 'integer',
      },
      {
        name: 'NextToken',
        type: 'string',
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'PhoneNumber',
        type: 'string',
      },
      {
        name: 'PhoneRegion',
        type: 'string',
      },
      {
        name: 'Status',
        type: 'string',
      },
      {
        name: 'UserExternalId',
        type: 'string',
      },
      {
        name: 'UserIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'UserSourceId',
        type: 'string',
      },
      {
        name: 'UserSourceType',
        type: 'string',
      },
      {
        name: 'UsernameStartsWith',
        type: 'string',
      },
    ],
    response: {
      MaxResults: {
        type: 'integer',
      },
      NextToken: {
        type: 'string',
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
      Users: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            AccountExpireTime: {
              type: 'integer',
            },
            CreateTime: {
              type: 'integer',
            },
            Description: {
              type: 'string',
            },
            DisplayName: {
              type: 'string',
            },
            Email: {
              type: 'string',
            },
            EmailVerified: {
              type: 'boolean',
            },
            InstanceId: {
              type: 'string',
            },
            LockExpireTime: {
              type: 'integer',
            },
            PasswordExpireTime: {
              type: 'integer',
            },
            PasswordSet: {
              type: 'boolean',
            },
            PhoneNumber: {
              type: 'string',
            },
            PhoneNumberVerified: {
              type: 'boolean',
            },
            PhoneRegion: {
              type: 'string',
            },
            RegisterTime: {
              type: 'integer',
            },
            Status: {
              type: 'string',
            },
            UpdateTime: {
              type: 'integer',
            },
            UserExternalId: {
              type: 'string',
            },
            UserId: {
              type: 'string',
            },
            UserSourceId: {
              type: 'string',
            },
            UserSourceType: {
              type: 'string',
            },
            Username: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  CreateOrganizationalUnit: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitExternalId',
        type: 'string',
      },
      {
        name: 'OrganizationalUnitName',
        type: 'string',
        required: true,
      },
      {
        name: 'ParentId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      OrganizationalUnitId: {
        type: 'string',
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteOrganizationalUnit: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteOrganizationalUnitChildren: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateOrganizationalUnit: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitName',
        type: 'string',
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateOrganizationalUnitDescription: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateOrganizationalUnitParentId: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
      {
        name: 'ParentId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetRootOrganizationalUnit: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      OrganizationalUnit: {
        type: 'object',
        properties: {
          CreateTime: {
            type: 'integer',
          },
          Description: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          OrganizationalUnitId: {
            type: 'string',
          },
          OrganizationalUnitName: {
            type: 'string',
          },
          UpdateTime: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetOrganizationalUnit: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      OrganizationalUnit: {
        type: 'object',
        properties: {
          CreateTime: {
            type: 'integer',
          },
          Description: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          Leaf: {
            type: 'boolean',
          },
          OrganizationalUnitExternalId: {
            type: 'string',
          },
          OrganizationalUnitId: {
            type: 'string',
          },
          OrganizationalUnitName: {
            type: 'string',
          },
          OrganizationalUnitSourceId: {
            type: 'string',
          },
          OrganizationalUnitSourceType: {
            type: 'string',
          },
          ParentId: {
            type: 'string',
          },
          UpdateTime: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  ListOrganizationalUnits: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'OrganizationalUnitIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'OrganizationalUnitName',
        type: 'string',
      },
      {
        name: 'OrganizationalUnitNameStartsWith',
        type: 'string',
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'ParentId',
        type: 'string',
      },
    ],
    response: {
      OrganizationalUnits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            CreateTime: {
              type: 'integer',
            },
            Description: {
              type: 'string',
            },
            InstanceId: {
              type: 'string',
            },
            Leaf: {
              type: 'boolean',
            },
            OrganizationalUnitExternalId: {
              type: 'string',
            },
            OrganizationalUnitId: {
              type: 'string',
            },
            OrganizationalUnitName: {
              type: 'string',
            },
            OrganizationalUnitSourceId: {
              type: 'string',
            },
            OrganizationalUnitSourceType: {
              type: 'string',
            },
            ParentId: {
              type: 'string',
            },
            UpdateTime: {
              type: 'integer',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  CreateGroup: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'GroupExternalId',
        type: 'string',
      },
      {
        name: 'GroupName',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      GroupId: {
        type: 'string',
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  AddUsersToGroup: {
    request: [
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  DeleteGroup: {
    request: [
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  RemoveUsersFromGroup: {
    request: [
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'UserIds',
        type: 'array',
        required: true,
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateGroup: {
    request: [
      {
        name: 'GroupExternalId',
        type: 'string',
      },
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'GroupName',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateGroupDescription: {
    request: [
      {
        name: 'Description',
        type: 'string',
      },
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetGroup: {
    request: [
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      Group: {
        type: 'object',
        properties: {
          CreateTime: {
            type: 'integer',
          },
          Description: {
            type: 'string',
          },
          GroupExternalId: {
            type: 'string',
          },
          GroupId: {
            type: 'string',
          },
          GroupName: {
            type: 'string',
          },
          GroupSourceId: {
            type: 'string',
          },
          GroupSourceType: {
            type: 'string',
          },
          InstanceId: {
            type: 'string',
          },
          UpdateTime: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  ListGroups: {
    request: [
      {
        name: 'GroupExternalId',
        type: 'string',
      },
      {
        name: 'GroupIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'GroupName',
        type: 'string',
      },
      {
        name: 'GroupNameStartsWith',
        type: 'string',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
    ],
    response: {
      Groups: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            CreateTime: {
              type: 'integer',
            },
            Description: {
              type: 'string',
            },
            GroupExternalId: {
              type: 'string',
            },
            GroupId: {
              type: 'string',
            },
            GroupName: {
              type: 'string',
            },
            GroupSourceId: {
              type: 'string',
            },
            GroupSourceType: {
              type: 'string',
            },
            InstanceId: {
              type: 'string',
            },
            UpdateTime: {
              type: 'integer',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  ListUsersForGroup: {
    request: [
      {
        name: 'GroupId',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'UserIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
      Users: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            GroupMemberRelationSourceId: {
              type: 'string',
            },
            GroupMemberRelationSourceType: {
              type: 'string',
            },
            UserId: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  ListGroupsForUser: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PageNumber',
        type: 'integer',
      },
      {
        name: 'PageSize',
        type: 'integer',
      },
      {
        name: 'UserId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      Groups: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            GroupId: {
              type: 'string',
            },
            GroupMemberRelationSourceId: {
              type: 'string',
            },
            GroupMemberRelationSourceType: {
              type: 'string',
            },
          },
        },
      },
      RequestId: {
        type: 'string',
      },
      TotalCount: {
        type: 'integer',
      },
    },
  },
  SetForgetPasswordConfiguration: {
    request: [
      {
        name: 'AuthenticationChannels',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'ForgetPasswordStatus',
        type: 'string',
        required: true,
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetPasswordInitializationConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordForcedUpdateStatus',
        type: 'string',
      },
      {
        name: 'PasswordInitializationNotificationChannels',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'PasswordInitializationStatus',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordInitializationType',
        type: 'string',
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetPasswordHistoryConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordHistoryMaxRetention',
        type: 'integer',
      },
      {
        name: 'PasswordHistoryStatus',
        type: 'string',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetPasswordExpirationConfiguration: {
    request: [
      {
        name: 'EffectiveAuthenticationSourceIds',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordExpirationAction',
        type: 'string',
      },
      {
        name: 'PasswordExpirationNotificationChannels',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'PasswordExpirationNotificationDuration',
        type: 'integer',
      },
      {
        name: 'PasswordExpirationNotificationStatus',
        type: 'string',
      },
      {
        name: 'PasswordExpirationStatus',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordForcedUpdateDuration',
        type: 'integer',
      },
      {
        name: 'PasswordValidMaxDay',
        type: 'integer',
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  SetPasswordComplexityConfiguration: {
    request: [
      {
        name: 'DisabledWeakPasswordLogin',
        type: 'boolean',
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'PasswordComplexityRules',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            PasswordCheckType: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'PasswordMinLength',
        type: 'integer',
        required: true,
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
  GetForgetPasswordConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      OpenForgetPasswordConfiguration: {
        type: 'object',
        properties: {
          AuthenticationChannels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          Enable: {
            type: 'boolean',
          },
          EnableEmail: {
            type: 'boolean',
          },
          EnableSms: {
            type: 'boolean',
          },
          ForgetPasswordStatus: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetPasswordInitializationConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      PasswordInitializationConfiguration: {
        type: 'object',
        properties: {
          PasswordForcedUpdateStatus: {
            type: 'string',
          },
          PasswordInitializationNotificationChannels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          PasswordInitializationStatus: {
            type: 'string',
          },
          PasswordInitializationType: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetPasswordHistoryConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      PasswordHistoryConfiguration: {
        type: 'object',
        properties: {
          PasswordHistoryMaxRetention: {
            type: 'integer',
          },
          PasswordHistoryStatus: {
            type: 'string',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetPasswordExpirationConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      PasswordExpirationConfiguration: {
        type: 'object',
        properties: {
          EffectiveAuthenticationSourceIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          PasswordExpirationAction: {
            type: 'string',
          },
          PasswordExpirationNotificationChannels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          PasswordExpirationNotificationDuration: {
            type: 'integer',
          },
          PasswordExpirationNotificationStatus: {
            type: 'string',
          },
          PasswordExpirationStatus: {
            type: 'string',
          },
          PasswordForcedUpdateDuration: {
            type: 'integer',
          },
          PasswordValidMaxDay: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  GetPasswordComplexityConfiguration: {
    request: [
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
    ],
    response: {
      PasswordComplexityConfiguration: {
        type: 'object',
        properties: {
          DisabledWeakPasswordLogin: {
            type: 'boolean',
          },
          DisabledWeakPasswordLoginStartedAt: {
            type: 'integer',
          },
          PasswordComplexityRules: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                PasswordCheckType: {
                  type: 'string',
                },
              },
            },
          },
          PasswordMinLength: {
            type: 'integer',
          },
        },
      },
      RequestId: {
        type: 'string',
      },
    },
  },
  UpdateApplicationInfo: {
    request: [
      {
        name: 'ApplicationId',
        type: 'string',
        required: true,
      },
      {
        name: 'ApplicationName',
        type: 'string',
      },
      {
        name: 'ApplicationOwner',
        type: 'object',
        properties: {
          GroupIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          UserIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'ApplicationVisibility',
        type: 'array',
        items: {
          type: 'string',
        },
      },
      {
        name: 'ClientToken',
        type: 'string',
      },
      {
        name: 'CustomFields',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            FieldName: {
              type: 'string',
            },
            FieldValue: {
              type: 'string',
            },
            Operation: {
              type: 'string',
            },
          },
        },
      },
      {
        name: 'InstanceId',
        type: 'string',
        required: true,
      },
      {
        name: 'LogoUrl',
        type: 'string',
      },
    ],
    response: {
      RequestId: {
        type: 'string',
      },
    },
  },
};
