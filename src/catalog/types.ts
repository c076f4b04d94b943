// Request and response types for every EIAM operation, matching catalog/operations.ts.
// Generated from the same source; every response field is optional because the service
// omits empty ones.

export interface ListRegionsRequest {}

export interface ListRegionsResponse {
  Regions?: {
    LocalName?: string;
    RegionEndpoint?: string;
    RegionId?: string;
  }[];
  RequestId?: string;
}

export interface CreateInstanceRequest {
  Description?: string;
}

export interface CreateInstanceResponse {
  InstanceId?: string;
  RequestId?: string;
}

export interface DeleteInstanceRequest {
  InstanceId: string;
}

export interface DeleteInstanceResponse {
  RequestId?: string;
}

export interface UpdateInstanceDescriptionRequest {
  Description?: string;
  InstanceId: string;
}

export interface UpdateInstanceDescriptionResponse {
  RequestId?: string;
}

export interface ListInstancesRequest {
  CrossRegionReplication?: string;
  Edition?: string;
  InstanceIds?: string[];
  PageNumber?: number;
  PageSize?: number;
  Status?: string;
}

export interface ListInstancesResponse {
  Instances?: {
    CreateTime?: number;
    CrossRegionReplication?: string;
    CrossRegionReplicationRole?: string;
    DefaultEndpoint?: {
      Endpoint?: string;
      Status?: string;
    };
    Description?: string;
    InstanceFailoverStatus?: string;
    InstanceId?: string;
    ManagedServiceCode?: string;
    ReplicationConfiguration?: {
      BackupInstanceId?: string;
      BackupInstanceRegionId?: string;
      PrimaryInstanceId?: string;
      PrimaryInstanceRegionId?: string;
      ReplicationCreateTime?: number;
    };
    ServiceManaged?: boolean;
    Status?: string;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface GetInstanceRequest {
  InstanceId: string;
}

export interface GetInstanceResponse {
  Instance?: {
    CreateTime?: number;
    CrossRegionReplication?: string;
    CrossRegionReplicationRole?: string;
    DefaultEndpoint?: {
      Endpoint?: string;
      Status?: string;
    };
    Description?: string;
    DomainConfig?: {
      DefaultDomain?: string;
      InitDomain?: string;
      InitDomainAutoRedirectStatus?: string;
    };
    EgressAddresses?: string[];
    InstanceFailoverStatus?: string;
    InstanceId?: string;
    ManagedServiceCode?: string;
    ReplicationConfiguration?: {
      BackupInstanceId?: string;
      BackupInstanceRegionId?: string;
      PrimaryInstanceId?: string;
      PrimaryInstanceRegionId?: string;
      ReplicationCreateTime?: number;
    };
    ServiceManaged?: boolean;
    Status?: string;
  };
  RequestId?: string;
}

export interface CreateApplicationRequest {
  ApplicationIdentityType?: string;
  ApplicationName: string;
  ApplicationOwner?: {
    GroupIds?: string[];
    UserIds?: string[];
  };
  ApplicationSourceType: string;
  ApplicationTemplateId?: string;
  CustomFields?: {
    FieldName?: string;
    FieldValue?: string;
  }[];
  Description?: string;
  InstanceId: string;
  LogoUrl?: string;
  SsoType: string;
}

export interface CreateApplicationResponse {
  ApplicationId?: string;
  RequestId?: string;
}

export interface DeleteApplicationRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface DeleteApplicationResponse {
  RequestId?: string;
}

export interface UpdateApplicationDescriptionRequest {
  ApplicationId: string;
  Description?: string;
  InstanceId: string;
}

export interface UpdateApplicationDescriptionResponse {
  RequestId?: string;
}

export interface EnableApplicationRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface EnableApplicationResponse {
  RequestId?: string;
}

export interface DisableApplicationRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface DisableApplicationResponse {
  RequestId?: string;
}

export interface GetApplicationRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface GetApplicationResponse {
  Application?: {
    ApiInvokeStatus?: string;
    ApplicationCreationType?: string;
    ApplicationId?: string;
    ApplicationIdentityType?: string;
    ApplicationName?: string;
    ApplicationOwner?: {
      GroupIds?: string[];
      UserIds?: string[];
    };
    ApplicationSourceType?: string;
    ApplicationTemplateId?: string;
    ApplicationVisibility?: string[];
    AuthorizationType?: string;
    ClientId?: string;
    CreateTime?: number;
    CustomFields?: {
      FieldName?: string;
      FieldValue?: string;
    }[];
    CustomSubjectStatus?: string;
    Description?: string;
    Features?: string;
    InstanceId?: string;
    LogoUrl?: string;
    M2MClientStatus?: string;
    ManagedServiceCode?: string;
    ResourceServerIdentifier?: string;
    ResourceServerSourceType?: string;
    ResourceServerStatus?: string;
    ServiceManaged?: boolean;
    SmartConfigCapabilities?: string[];
    SsoType?: string;
    Status?: string;
    UpdateTime?: number;
  };
  RequestId?: string;
}

export interface ListApplicationsRequest {
  ApplicationCreationType?: string;
  ApplicationIdentityType?: string;
  ApplicationIds?: string[];
  ApplicationName?: string;
  ApplicationTemplateId?: string;
  AuthorizationType?: string;
  CustomFields?: {
    FieldName?: string;
    FieldValue?: string;
  }[];
  InstanceId: string;
  M2MClientStatus?: string;
  ManagedServiceCode?: string;
  PageNumber?: number;
  PageSize?: number;
  ResourceServerStatus?: string;
  ServiceManaged?: boolean;
  SsoType?: string;
  Status?: string;
}

export interface ListApplicationsResponse {
  Applications?: {
    ApplicationCreationType?: string;
    ApplicationId?: string;
    ApplicationIdentityType?: string;
    ApplicationName?: string;
    ApplicationSourceType?: string;
    ApplicationTemplateId?: string;
    ClientId?: string;
    CreateTime?: number;
    Description?: string;
    Features?: string;
    InstanceId?: string;
    LogoUrl?: string;
    ManagedServiceCode?: string;
    ResourceServerIdentifier?: string;
    ResourceServerSourceType?: string;
    ResourceServerStatus?: string;
    ServiceManaged?: boolean;
    SsoType?: string;
    Status?: string;
    UpdateTime?: number;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface SetApplicationSsoConfigRequest {
  ApplicationId: string;
  ClientToken?: string;
  InitLoginType?: string;
  InitLoginUrl?: string;
  InstanceId: string;
  OidcSsoConfig?: {
    AccessTokenEffectiveTime?: number;
    AllowedPublicClient?: boolean;
    CodeEffectiveTime?: number;
    CustomClaims?: {
      ClaimName?: string;
      ClaimValueExpression?: string;
    }[];
    GrantScopes?: string[];
    GrantTypes?: string[];
    IdTokenEffectiveTime?: number;
    PasswordAuthenticationSourceId?: string;
    PasswordTotpMfaRequired?: boolean;
    PkceChallengeMethods?: string[];
    PkceRequired?: boolean;
    PostLogoutRedirectUris?: string[];
    RedirectUris?: string[];
    RefreshTokenEffective?: number;
    ResponseTypes?: string[];
    SubjectIdExpression?: string;
  };
  SamlSsoConfig?: {
    AssertionSigned?: boolean;
    AttributeStatements?: {
      AttributeName?: string;
      AttributeValueExpression?: string;
    }[];
    DefaultRelayState?: string;
    IdPEntityId?: string;
    NameIdFormat?: string;
    NameIdValueExpression?: string;
    OptionalRelayStates?: {
      DisplayName?: string;
      RelayState?: string;
    }[];
    ResponseSigned?: boolean;
    SignatureAlgorithm?: string;
    SpEntityId?: string;
    SpSsoAcsUrl?: string;
  };
}

export interface SetApplicationSsoConfigResponse {
  RequestId?: string;
}

export interface GetApplicationSsoConfigRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface GetApplicationSsoConfigResponse {
  ApplicationSsoConfig?: {
    InitLoginType?: string;
    InitLoginUrl?: string;
    OidcSsoConfig?: {
      AccessTokenEffectiveTime?: number;
      AllowedPublicClient?: string;
      CodeEffectiveTime?: number;
      CustomClaims?: {
        ClaimName?: string;
        ClaimValueExpression?: string;
      }[];
      GrantScopes?: string[];
      GrantTypes?: string[];
      IdTokenEffectiveTime?: number;
      PasswordAuthenticationSourceId?: string;
      PasswordTotpMfaRequired?: boolean;
      PkceChallengeMethods?: string[];
      PkceRequired?: boolean;
      PostLogoutRedirectUris?: string[];
      RedirectUris?: string[];
      RefreshTokenEffective?: number;
      ResponseTypes?: string[];
      SubjectIdExpression?: string;
    };
    ProtocolEndpointDomain?: {
      Oauth2AuthorizationEndpoint?: string;
      Oauth2DeviceAuthorizationEndpoint?: string;
      Oauth2RevokeEndpoint?: string;
      Oauth2TokenEndpoint?: string;
      Oauth2UserinfoEndpoint?: string;
      OidcIssuer?: string;
      OidcJwksEndpoint?: string;
      OidcLogoutEndpoint?: string;
      SamlMetaEndpoint?: string;
      SamlSsoEndpoint?: string;
    };
    SamlSsoConfig?: {
      AssertionSigned?: boolean;
      AttributeStatements?: {
        AttributeName?: string;
        AttributeValueExpression?: string;
      }[];
      DefaultRelayState?: string;
      IdPEntityId?: string;
      NameIdFormat?: string;
      NameIdValueExpression?: string;
      OptionalRelayStates?: {
        DisplayName?: string;
        RelayState?: string;
      }[];
      ResponseSigned?: boolean;
      SignatureAlgorithm?: string;
      SpEntityId?: string;
      SpSsoAcsUrl?: string;
    };
    SsoStatus?: string;
  };
  RequestId?: string;
}

export interface AuthorizeApplicationToUsersRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  UserIds: string[];
}

export interface AuthorizeApplicationToUsersResponse {
  RequestId?: string;
}

export interface AuthorizeApplicationToOrganizationalUnitsRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  OrganizationalUnitIds: string[];
}

export interface AuthorizeApplicationToOrganizationalUnitsResponse {
  RequestId?: string;
}

export interface AuthorizeApplicationToGroupsRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  GroupIds: string[];
  InstanceId: string;
}

export interface AuthorizeApplicationToGroupsResponse {
  RequestId?: string;
}

export interface RevokeApplicationFromUsersRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  UserIds: string[];
}

export interface RevokeApplicationFromUsersResponse {
  RequestId?: string;
}

export interface RevokeApplicationFromOrganizationalUnitsRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  OrganizationalUnitIds: string[];
}

export interface RevokeApplicationFromOrganizationalUnitsResponse {
  RequestId?: string;
}

export interface RevokeApplicationFromGroupsRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  GroupIds: string[];
  InstanceId: string;
}

export interface RevokeApplicationFromGroupsResponse {
  RequestId?: string;
}

export interface UpdateApplicationAuthorizationTypeRequest {
  ApplicationId: string;
  AuthorizationType: string;
  InstanceId: string;
}

export interface UpdateApplicationAuthorizationTypeResponse {
  RequestId?: string;
}

export interface ListUsersForApplicationRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
  UserIds?: string[];
}

export interface ListUsersForApplicationResponse {
  RequestId?: string;
  TotalCount?: number;
  Users?: {
    ApplicationRoles?: {
      ApplicationRoleId?: string;
    }[];
    UserId?: string;
  }[];
}

export interface ListOrganizationalUnitsForApplicationRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  InstanceId: string;
  OrganizationalUnitIds?: string[];
  PageNumber?: number;
  PageSize?: number;
}

export interface ListOrganizationalUnitsForApplicationResponse {
  OrganizationalUnits?: {
    ApplicationRoles?: {
      ApplicationRoleId?: string;
    }[];
    OrganizationalUnitId?: string;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface ListGroupsForApplicationRequest {
  ApplicationId: string;
  ApplicationRoleId?: string;
  GroupIds?: string[];
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
}

export interface ListGroupsForApplicationResponse {
  Groups?: {
    ApplicationRoles?: {
      ApplicationRoleId?: string;
    }[];
    GroupId?: string;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface ListApplicationsForUserRequest {
  ApplicationIds?: string[];
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
  QueryMode?: string;
  UserId: string;
}

export interface ListApplicationsForUserResponse {
  Applications?: {
    ApplicationId?: string;
    ApplicationRoles?: {
      ApplicationRoleId?: string;
      HasDirectAuthorization?: boolean;
      HasInheritAuthorization?: boolean;
    }[];
    HasDirectAuthorization?: boolean;
    HasInheritAuthorization?: boolean;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface ListApplicationsForOrganizationalUnitRequest {
  ApplicationIds?: string[];
  InstanceId: string;
  OrganizationalUnitId: string;
  PageNumber?: number;
  PageSize?: number;
}

export interface ListApplicationsForOrganizationalUnitResponse {
  Applications?: {
    ApplicationId?: string;
    ApplicationRoles?: {
      ApplicationRoleId?: string;
    }[];
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface CreateApplicationClientSecretRequest {
  ApplicationId: string;
  ExpirationTime?: number;
  InstanceId: string;
}

export interface CreateApplicationClientSecretResponse {
  ApplicationClientSecret?: {
    ClientId?: string;
    ClientSecret?: string;
    SecretId?: string;
  };
  RequestId?: string;
}

export interface DeleteApplicationClientSecretRequest {
  ApplicationId: string;
  InstanceId: string;
  SecretId: string;
}

export interface DeleteApplicationClientSecretResponse {
  RequestId?: string;
}

export interface DisableApplicationClientSecretRequest {
  ApplicationId: string;
  InstanceId: string;
  SecretId: string;
}

export interface DisableApplicationClientSecretResponse {
  RequestId?: string;
}

export interface EnableApplicationClientSecretRequest {
  ApplicationId: string;
  InstanceId: string;
  SecretId: string;
}

export interface EnableApplicationClientSecretResponse {
  RequestId?: string;
}

export interface ListApplicationClientSecretsRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface ListApplicationClientSecretsResponse {
  ApplicationClientSecrets?: {
    ApplicationId?: string;
    ClientId?: string;
    ClientSecret?: string;
    ExpirationTime?: number;
    InstanceId?: string;
    LastUsedTime?: number;
    SecretId?: string;
    Status?: string;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface ObtainApplicationClientSecretRequest {
  ApplicationId: string;
  InstanceId: string;
  SecretId: string;
}

export interface ObtainApplicationClientSecretResponse {
  ApplicationClientSecret?: {
    ApplicationId?: string;
    ClientId?: string;
    ClientSecret?: string;
    ExpirationTime?: number;
    InstanceId?: string;
    LastUsedTime?: number;
    SecretId?: string;
    Status?: string;
  };
  RequestId?: string;
}

export interface EnableApplicationApiInvokeRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface EnableApplicationApiInvokeResponse {
  RequestId?: string;
}

export interface DisableApplicationApiInvokeRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface DisableApplicationApiInvokeResponse {
  RequestId?: string;
}

export interface SetApplicationGrantScopeRequest {
  ApplicationId: string;
  GrantScopes?: string[];
  InstanceId: string;
}

export interface SetApplicationGrantScopeResponse {
  RequestId?: string;
}

export interface GetApplicationGrantScopeRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface GetApplicationGrantScopeResponse {
  ApplicationGrantScope?: {
    GrantScopes?: string[];
  };
  RequestId?: string;
}

export interface DisableApplicationProvisioningRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface DisableApplicationProvisioningResponse {
  RequestId?: string;
}

export interface EnableApplicationProvisioningRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface EnableApplicationProvisioningResponse {
  RequestId?: string;
}

export interface SetApplicationProvisioningConfigRequest {
  ApplicationId: string;
  CallbackProvisioningConfig?: {
    CallbackUrl?: string;
    EncryptKey?: string;
    EncryptRequired?: boolean;
    ListenEventScopes?: string[];
  };
  InstanceId: string;
  NetworkAccessEndpointId?: string;
  ProvisionPassword?: boolean;
  ProvisionProtocolType: string;
  ScimProvisioningConfig?: {
    AuthnConfiguration?: {
      AuthnMode?: string;
      AuthnParam?: {
        AccessToken?: string;
        AuthnMethod?: string;
        ClientId?: string;
        ClientSecret?: string;
        TokenEndpoint?: string;
      };
      GrantType?: string;
    };
    FullPushScopes?: string[];
    ProvisioningActions?: string[];
    ScimBaseUrl?: string;
  };
}

export interface SetApplicationProvisioningConfigResponse {
  RequestId?: string;
}

export interface SetApplicationProvisioningScopeRequest {
  ApplicationId: string;
  GroupIds?: string[];
  InstanceId: string;
  OrganizationalUnitIds?: string[];
}

export interface SetApplicationProvisioningScopeResponse {
  RequestId?: string;
}

export interface GetApplicationProvisioningConfigRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface GetApplicationProvisioningConfigResponse {
  ApplicationProvisioningConfig?: {
    ApplicationId?: string;
    CallbackProvisioningConfig?: {
      CallbackUrl?: string;
      EncryptKey?: string;
      EncryptRequired?: boolean;
      ListenEventScopes?: string[];
    };
    ConfigOperateMode?: string;
    InstanceId?: string;
    NetworkAccessEndpointId?: string;
    ProvisionJwksEndpoint?: string;
    ProvisionPassword?: boolean;
    ProvisionProtocolType?: string;
    ScimProvisioningConfig?: {
      AuthnConfiguration?: {
        AuthnMode?: string;
        AuthnParam?: {
          AccessToken?: string;
          AuthnMethod?: string;
          ClientId?: string;
          ClientSecret?: string;
          TokenEndpoint?: string;
        };
        GrantType?: string;
      };
      FullPushScopes?: string[];
      ProvisioningActions?: string[];
      ScimBaseUrl?: string;
    };
    Status?: string;
  };
  RequestId?: string;
}

export interface GetApplicationProvisioningScopeRequest {
  ApplicationId: string;
  InstanceId: string;
}

export interface GetApplicationProvisioningScopeResponse {
  ApplicationProvisioningScope?: {
    GroupIds?: string[];
    MaxQuota?: number;
    OrganizationalUnitIds?: string[];
    UsedQuota?: number;
  };
  RequestId?: string;
}

export interface CreateUserRequest {
  ClientToken?: string;
  CustomFields?: {
    FieldName?: string;
    FieldValue?: string;
  }[];
  Description?: string;
  DisplayName?: string;
  Email?: string;
  EmailVerified?: boolean;
  InstanceId: string;
  OrganizationalUnitIds?: string[];
  Password?: string;
  PasswordInitializationConfig?: {
    PasswordForcedUpdateStatus?: string;
    PasswordInitializationPolicyPriority?: string;
    PasswordInitializationType?: string;
    UserNotificationChannels?: string[];
  };
  PhoneNumber?: string;
  PhoneNumberVerified?: boolean;
  PhoneRegion?: string;
  PrimaryOrganizationalUnitId: string;
  UserExternalId?: string;
  Username: string;
}

export interface CreateUserResponse {
  RequestId?: string;
  UserId?: string;
}

export interface AddUserToOrganizationalUnitsRequest {
  InstanceId: string;
  OrganizationalUnitIds: string[];
  UserId: string;
}

export interface AddUserToOrganizationalUnitsResponse {
  RequestId?: string;
}

export interface DeleteUserRequest {
  InstanceId: string;
  UserId: string;
}

export interface DeleteUserResponse {
  RequestId?: string;
}

export interface RemoveUserFromOrganizationalUnitsRequest {
  InstanceId: string;
  OrganizationalUnitIds: string[];
  UserId: string;
}

export interface RemoveUserFromOrganizationalUnitsResponse {
  RequestId?: string;
}

export interface UpdateUserRequest {
  CustomFields?: {
    FieldName?: string;
    FieldValue?: string;
    Operation?: string;
  }[];
  DisplayName?: string;
  Email?: string;
  EmailVerified?: boolean;
  InstanceId: string;
  PhoneNumber?: string;
  PhoneNumberVerified?: boolean;
  PhoneRegion?: string;
  UserId: string;
  Username?: string;
}

export interface UpdateUserResponse {
  RequestId?: string;
}

export interface UpdateUserPasswordRequest {
  InstanceId: string;
  Password: string;
  PasswordForcedUpdateStatus?: string;
  UserId: string;
  UserNotificationChannels?: string[];
}

export interface UpdateUserPasswordResponse {
  RequestId?: string;
}

export interface UpdateUserDescriptionRequest {
  Description?: string;
  InstanceId: string;
  UserId: string;
}

export interface UpdateUserDescriptionResponse {
  RequestId?: string;
}

export interface DisableUserRequest {
  InstanceId: string;
  UserId: string;
}

export interface DisableUserResponse {
  RequestId?: string;
}

export interface EnableUserRequest {
  InstanceId: string;
  UserId: string;
}

export interface EnableUserResponse {
  RequestId?: string;
}

export interface UnlockUserRequest {
  InstanceId: string;
  UserId: string;
}

export interface UnlockUserResponse {
  RequestId?: string;
}

export interface SetUserPrimaryOrganizationalUnitRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
  UserId: string;
}

export interface SetUserPrimaryOrganizationalUnitResponse {
  RequestId?: string;
}

export interface GetUserRequest {
  InstanceId: string;
  UserId: string;
}

export interface GetUserResponse {
  RequestId?: string;
  User?: {
    AccountExpireTime?: number;
    CreateTime?: number;
    CustomFields?: {
      FieldName?: string;
      FieldValue?: string;
    }[];
    Description?: string;
    DisplayName?: string;
    Email?: string;
    EmailVerified?: boolean;
    Groups?: {
      Description?: string;
      GroupId?: string;
      GroupName?: string;
    }[];
    InstanceId?: string;
    LockExpireTime?: number;
    OrganizationalUnits?: {
      OrganizationalUnitId?: string;
      OrganizationalUnitName?: string;
      Primary?: boolean;
    }[];
    PasswordExpireTime?: number;
    PasswordSet?: boolean;
    PhoneNumber?: string;
    PhoneNumberVerified?: boolean;
    PhoneRegion?: string;
    PreferredLanguage?: string;
    PrimaryOrganizationalUnitId?: string;
    RegisterTime?: number;
    Status?: string;
    UpdateTime?: number;
    UserExternalId?: string;
    UserId?: string;
    UserSourceId?: string;
    UserSourceType?: string;
    Username?: string;
  };
}

export interface ListUsersRequest {
  DisplayNameStartsWith?: string;
  Email?: string;
  InstanceId: string;
  MaxResults?: number;
  NextToken?: string;
  OrganizationalUnitId?: string;
  PageNumber?: number;
  PageSize?: number;
  PhoneNumber?: string;
  PhoneRegion?: string;
  Status?: string;
  UserExternalId?: string;
  UserIds?: string[];
  UserSourceId?: string;
  UserSourceType?: string;
  UsernameStartsWith?: string;
}

export interface ListUsersResponse {
  MaxResults?: number;
  NextToken?: string;
  RequestId?: string;
  TotalCount?: number;
  Users?: {
    AccountExpireTime?: number;
    CreateTime?: number;
    Description?: string;
    DisplayName?: string;
    Email?: string;
    EmailVerified?: boolean;
    InstanceId?: string;
    LockExpireTime?: number;
    PasswordExpireTime?: number;
    PasswordSet?: boolean;
    PhoneNumber?: string;
    PhoneNumberVerified?: boolean;
    PhoneRegion?: string;
    RegisterTime?: number;
    Status?: string;
    UpdateTime?: number;
    UserExternalId?: string;
    UserId?: string;
    UserSourceId?: string;
    UserSourceType?: string;
    Username?: string;
  }[];
}

export interface CreateOrganizationalUnitRequest {
  Description?: string;
  InstanceId: string;
  OrganizationalUnitExternalId?: string;
  OrganizationalUnitName: string;
  ParentId: string;
}

export interface CreateOrganizationalUnitResponse {
  OrganizationalUnitId?: string;
  RequestId?: string;
}

export interface DeleteOrganizationalUnitRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
}

export interface DeleteOrganizationalUnitResponse {
  RequestId?: string;
}

export interface DeleteOrganizationalUnitChildrenRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
}

export interface DeleteOrganizationalUnitChildrenResponse {
  RequestId?: string;
}

export interface UpdateOrganizationalUnitRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
  OrganizationalUnitName?: string;
}

export interface UpdateOrganizationalUnitResponse {
  RequestId?: string;
}

export interface UpdateOrganizationalUnitDescriptionRequest {
  Description?: string;
  InstanceId: string;
  OrganizationalUnitId: string;
}

export interface UpdateOrganizationalUnitDescriptionResponse {
  RequestId?: string;
}

export interface UpdateOrganizationalUnitParentIdRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
  ParentId: string;
}

export interface UpdateOrganizationalUnitParentIdResponse {
  RequestId?: string;
}

export interface GetRootOrganizationalUnitRequest {
  InstanceId: string;
}

export interface GetRootOrganizationalUnitResponse {
  OrganizationalUnit?: {
    CreateTime?: number;
    Description?: string;
    InstanceId?: string;
    OrganizationalUnitId?: string;
    OrganizationalUnitName?: string;
    UpdateTime?: number;
  };
  RequestId?: string;
}

export interface GetOrganizationalUnitRequest {
  InstanceId: string;
  OrganizationalUnitId: string;
}

export interface GetOrganizationalUnitResponse {
  OrganizationalUnit?: {
    CreateTime?: number;
    Description?: string;
    InstanceId?: string;
    Leaf?: boolean;
    OrganizationalUnitExternalId?: string;
    OrganizationalUnitId?: string;
    OrganizationalUnitName?: string;
    OrganizationalUnitSourceId?: string;
    OrganizationalUnitSourceType?: string;
    ParentId?: string;
    UpdateTime?: number;
  };
  RequestId?: string;
}

export interface ListOrganizationalUnitsRequest {
  InstanceId: string;
  OrganizationalUnitIds?: string[];
  OrganizationalUnitName?: string;
  OrganizationalUnitNameStartsWith?: string;
  PageNumber?: number;
  PageSize?: number;
  ParentId?: string;
}

export interface ListOrganizationalUnitsResponse {
  OrganizationalUnits?: {
    CreateTime?: number;
    Description?: string;
    InstanceId?: string;
    Leaf?: boolean;
    OrganizationalUnitExternalId?: string;
    OrganizationalUnitId?: string;
    OrganizationalUnitName?: string;
    OrganizationalUnitSourceId?: string;
    OrganizationalUnitSourceType?: string;
    ParentId?: string;
    UpdateTime?: number;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface CreateGroupRequest {
  Description?: string;
  GroupExternalId?: string;
  GroupName: string;
  InstanceId: string;
}

export interface CreateGroupResponse {
  GroupId?: string;
  RequestId?: string;
}

export interface AddUsersToGroupRequest {
  GroupId: string;
  InstanceId: string;
  UserIds: string[];
}

export interface AddUsersToGroupResponse {
  RequestId?: string;
}

export interface DeleteGroupRequest {
  GroupId: string;
  InstanceId: string;
}

export interface DeleteGroupResponse {
  RequestId?: string;
}

export interface RemoveUsersFromGroupRequest {
  GroupId: string;
  InstanceId: string;
  UserIds: string[];
}

export interface RemoveUsersFromGroupResponse {
  RequestId?: string;
}

export interface UpdateGroupRequest {
  GroupExternalId?: string;
  GroupId: string;
  GroupName?: string;
  InstanceId: string;
}

export interface UpdateGroupResponse {
  RequestId?: string;
}

export interface UpdateGroupDescriptionRequest {
  Description?: string;
  GroupId: string;
  InstanceId: string;
}

export interface UpdateGroupDescriptionResponse {
  RequestId?: string;
}

export interface GetGroupRequest {
  GroupId: string;
  InstanceId: string;
}

export interface GetGroupResponse {
  Group?: {
    CreateTime?: number;
    Description?: string;
    GroupExternalId?: string;
    GroupId?: string;
    GroupName?: string;
    GroupSourceId?: string;
    GroupSourceType?: string;
    InstanceId?: string;
    UpdateTime?: number;
  };
  RequestId?: string;
}

export interface ListGroupsRequest {
  GroupExternalId?: string;
  GroupIds?: string[];
  GroupName?: string;
  GroupNameStartsWith?: string;
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
}

export interface ListGroupsResponse {
  Groups?: {
    CreateTime?: number;
    Description?: string;
    GroupExternalId?: string;
    GroupId?: string;
    GroupName?: string;
    GroupSourceId?: string;
    GroupSourceType?: string;
    InstanceId?: string;
    UpdateTime?: number;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface ListUsersForGroupRequest {
  GroupId: string;
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
  UserIds?: string[];
}

export interface ListUsersForGroupResponse {
  RequestId?: string;
  TotalCount?: number;
  Users?: {
    GroupMemberRelationSourceId?: string;
    GroupMemberRelationSourceType?: string;
    UserId?: string;
  }[];
}

export interface ListGroupsForUserRequest {
  InstanceId: string;
  PageNumber?: number;
  PageSize?: number;
  UserId: string;
}

export interface ListGroupsForUserResponse {
  Groups?: {
    GroupId?: string;
    GroupMemberRelationSourceId?: string;
    GroupMemberRelationSourceType?: string;
  }[];
  RequestId?: string;
  TotalCount?: number;
}

export interface SetForgetPasswordConfigurationRequest {
  AuthenticationChannels?: string[];
  ForgetPasswordStatus: string;
  InstanceId: string;
}

export interface SetForgetPasswordConfigurationResponse {
  RequestId?: string;
}

export interface SetPasswordInitializationConfigurationRequest {
  InstanceId: string;
  PasswordForcedUpdateStatus?: string;
  PasswordInitializationNotificationChannels?: string[];
  PasswordInitializationStatus: string;
  PasswordInitializationType?: string;
}

export interface SetPasswordInitializationConfigurationResponse {
  RequestId?: string;
}

export interface SetPasswordHistoryConfigurationRequest {
  InstanceId: string;
  PasswordHistoryMaxRetention?: number;
  PasswordHistoryStatus: string;
}

export interface SetPasswordHistoryConfigurationResponse {
  RequestId?: string;
}

export interface SetPasswordExpirationConfigurationRequest {
  EffectiveAuthenticationSourceIds?: string[];
  InstanceId: string;
  PasswordExpirationAction?: string;
  PasswordExpirationNotificationChannels?: string[];
  PasswordExpirationNotificationDuration?: number;
  PasswordExpirationNotificationStatus?: string;
  PasswordExpirationStatus: string;
  PasswordForcedUpdateDuration?: number;
  PasswordValidMaxDay?: number;
}

export interface SetPasswordExpirationConfigurationResponse {
  RequestId?: string;
}

export interface SetPasswordComplexityConfigurationRequest {
  DisabledWeakPasswordLogin?: boolean;
  InstanceId: string;
  PasswordComplexityRules?: {
    PasswordCheckType?: string;
  }[];
  PasswordMinLength: number;
}

export interface SetPasswordComplexityConfigurationResponse {
  RequestId?: string;
}

export interface GetForgetPasswordConfigurationRequest {
  InstanceId: string;
}

export interface GetForgetPasswordConfigurationResponse {
  OpenForgetPasswordConfiguration?: {
    AuthenticationChannels?: string[];
    Enable?: boolean;
    EnableEmail?: boolean;
    EnableSms?: boolean;
    ForgetPasswordStatus?: string;
  };
  RequestId?: string;
}

export interface GetPasswordInitializationConfigurationRequest {
  InstanceId: string;
}

export interface GetPasswordInitializationConfigurationResponse {
  PasswordInitializationConfiguration?: {
    PasswordForcedUpdateStatus?: string;
    PasswordInitializationNotificationChannels?: string[];
    PasswordInitializationStatus?: string;
    PasswordInitializationType?: string;
  };
  RequestId?: string;
}

export interface GetPasswordHistoryConfigurationRequest {
  InstanceId: string;
}

export interface GetPasswordHistoryConfigurationResponse {
  PasswordHistoryConfiguration?: {
    PasswordHistoryMaxRetention?: number;
    PasswordHistoryStatus?: string;
  };
  RequestId?: string;
}

export interface GetPasswordExpirationConfigurationRequest {
  InstanceId: string;
}

export interface GetPasswordExpirationConfigurationResponse {
  PasswordExpirationConfiguration?: {
    EffectiveAuthenticationSourceIds?: string[];
    PasswordExpirationAction?: string;
    PasswordExpirationNotificationChannels?: string[];
    PasswordExpirationNotificationDuration?: number;
    PasswordExpirationNotificationStatus?: string;
    PasswordExpirationStatus?: string;
    PasswordForcedUpdateDuration?: number;
    PasswordValidMaxDay?: number;
  };
  RequestId?: string;
}

export interface GetPasswordComplexityConfigurationRequest {
  InstanceId: string;
}

export interface GetPasswordComplexityConfigurationResponse {
  PasswordComplexityConfiguration?: {
    DisabledWeakPasswordLogin?: boolean;
    DisabledWeakPasswordLoginStartedAt?: number;
    PasswordComplexityRules?: {
      PasswordCheckType?: string;
    }[];
    PasswordMinLength?: number;
  };
  RequestId?: string;
}

export interface UpdateApplicationInfoRequest {
  ApplicationId: string;
  ApplicationName?: string;
  ApplicationOwner?: {
    GroupIds?: string[];
    UserIds?: string[];
  };
  ApplicationVisibility?: string[];
  ClientToken?: string;
  CustomFields?: {
    FieldName?: string;
    FieldValue?: string;
    Operation?: string;
  }[];
  InstanceId: string;
  LogoUrl?: string;
}

export interface UpdateApplicationInfoResponse {
  RequestId?: string;
}

/** Maps each operation name to its request and response types. */
export interface OperationTypes {
  ListRegions: { request: ListRegionsRequest; response: ListRegionsResponse };
  CreateInstance: { request: CreateInstanceRequest; response: CreateInstanceResponse };
  DeleteInstance: { request: DeleteInstanceRequest; response: DeleteInstanceResponse };
  UpdateInstanceDescription: {
    request: UpdateInstanceDescriptionRequest;
    response: UpdateInstanceDescriptionResponse;
  };
  ListInstances: { request: ListInstancesRequest; response: ListInstancesResponse };
  GetInstance: { request: GetInstanceRequest; response: GetInstanceResponse };
  CreateApplication: { request: CreateApplicationRequest; response: CreateApplicationResponse };
  DeleteApplication: { request: DeleteApplicationRequest; response: DeleteApplicationResponse };
  UpdateApplicationDescription: {
    request: UpdateApplicationDescriptionRequest;
    response: UpdateApplicationDescriptionResponse;
  };
  EnableApplication: { request: EnableApplicationRequest; response: EnableApplicationResponse };
  DisableApplication: { request: DisableApplicationRequest; response: DisableApplicationResponse };
  GetApplication: { request: GetApplicationRequest; response: GetApplicationResponse };
  ListApplications: { request: ListApplicationsRequest; response: ListApplicationsResponse };
  SetApplicationSsoConfig: {
    request: SetApplicationSsoConfigRequest;
    response: SetApplicationSsoConfigResponse;
  };
  GetApplicationSsoConfig: {
    request: GetApplicationSsoConfigRequest;
    response: GetApplicationSsoConfigResponse;
  };
  AuthorizeApplicationToUsers: {
    request: AuthorizeApplicationToUsersRequest;
    response: AuthorizeApplicationToUsersResponse;
  };
  AuthorizeApplicationToOrganizationalUnits: {
    request: AuthorizeApplicationToOrganizationalUnitsRequest;
    response: AuthorizeApplicationToOrganizationalUnitsResponse;
  };
  AuthorizeApplicationToGroups: {
    request: AuthorizeApplicationToGroupsRequest;
    response: AuthorizeApplicationToGroupsResponse;
  };
  RevokeApplicationFromUsers: {
    request: RevokeApplicationFromUsersRequest;
    response: RevokeApplicationFromUsersResponse;
  };
  RevokeApplicationFromOrganizationalUnits: {
    request: RevokeApplicationFromOrganizationalUnitsRequest;
    response: RevokeApplicationFromOrganizationalUnitsResponse;
  };
  RevokeApplicationFromGroups: {
    request: RevokeApplicationFromGroupsRequest;
    response: RevokeApplicationFromGroupsResponse;
  };
  UpdateApplicationAuthorizationType: {
    request: UpdateApplicationAuthorizationTypeRequest;
    response: UpdateApplicationAuthorizationTypeResponse;
  };
  ListUsersForApplication: {
    request: ListUsersForApplicationRequest;
    response: ListUsersForApplicationResponse;
  };
  ListOrganizationalUnitsForApplication: {
    request: ListOrganizationalUnitsForApplicationRequest;
    response: ListOrganizationalUnitsForApplicationResponse;
  };
  ListGroupsForApplication: {
    request: ListGroupsForApplicationRequest;
    response: ListGroupsForApplicationResponse;
  };
  ListApplicationsForUser: {
    request: ListApplicationsForUserRequest;
    response: ListApplicationsForUserResponse;
  };
  ListApplicationsForOrganizationalUnit: {
    request: ListApplicationsForOrganizationalUnitRequest;
    response: ListApplicationsForOrganizationalUnitResponse;
  };
  CreateApplicationClientSecret: {
    request: CreateApplicationClientSecretRequest;
    response: CreateApplicationClientSecretResponse;
  };
  DeleteApplicationClientSecret: {
    request: DeleteApplicationClientSecretRequest;
    response: DeleteApplicationClientSecretResponse;
  };
  DisableApplicationClientSecret: {
    request: DisableApplicationClientSecretRequest;
    response: DisableApplicationClientSecretResponse;
  };
  EnableApplicationClientSecret: {
    request: EnableApplicationClientSecretRequest;
    response: EnableApplicationClientSecretResponse;
  };
  ListApplicationClientSecrets: {
    request: ListApplicationClientSecretsRequest;
    response: ListApplicationClientSecretsResponse;
  };
  ObtainApplicationClientSecret: {
    request: ObtainApplicationClientSecretRequest;
    response: ObtainApplicationClientSecretResponse;
  };
  EnableApplicationApiInvoke: {
    request: EnableApplicationApiInvokeRequest;
    response: EnableApplicationApiInvokeResponse;
  };
  DisableApplicationApiInvoke: {
    request: DisableApplicationApiInvokeRequest;
    response: DisableApplicationApiInvokeResponse;
  };
  SetApplicationGrantScope: {
    request: SetApplicationGrantScopeRequest;
    response: SetApplicationGrantScopeResponse;
  };
  GetApplicationGrantScope: {
    request: GetApplicationGrantScopeRequest;
    response: GetApplicationGrantScopeResponse;
  };
  DisableApplicationProvisioning: {
    request: DisableApplicationProvisioningRequest;
    response: DisableApplicationProvisioningResponse;
  };
  EnableApplicationProvisioning: {
    request: EnableApplicationProvisioningRequest;
    response: EnableApplicationProvisioningResponse;
  };
  SetApplicationProvisioningConfig: {
    request: SetApplicationProvisioningConfigRequest;
    response: SetApplicationProvisioningConfigResponse;
  };
  SetApplicationProvisioningScope: {
    request: SetApplicationProvisioningScopeRequest;
    response: SetApplicationProvisioningScopeResponse;
  };
  GetApplicationProvisioningConfig: {
    request: GetApplicationProvisioningConfigRequest;
    response: GetApplicationProvisioningConfigResponse;
  };
  GetApplicationProvisioningScope: {
    request: GetApplicationProvisioningScopeRequest;
    response: GetApplicationProvisioningScopeResponse;
  };
  CreateUser: { request: CreateUserRequest; response: CreateUserResponse };
  AddUserToOrganizationalUnits: {
    request: AddUserToOrganizationalUnitsRequest;
    response: AddUserToOrganizationalUnitsResponse;
  };
  DeleteUser: { request: DeleteUserRequest; response: DeleteUserResponse };
  RemoveUserFromOrganizationalUnits: {
    request: RemoveUserFromOrganizationalUnitsRequest;
    response: RemoveUserFromOrganizationalUnitsResponse;
  };
  UpdateUser: { request: UpdateUserRequest; response: UpdateUserResponse };
  UpdateUserPassword: { request: UpdateUserPasswordRequest; response: UpdateUserPasswordResponse };
  UpdateUserDescription: { request: UpdateUserDescriptionRequest; response: UpdateUserDescriptionResponse };
  DisableUser: { request: DisableUserRequest; response: DisableUserResponse };
  EnableUser: { request: EnableUserRequest; response: EnableUserResponse };
  UnlockUser: { request: UnlockUserRequest; response: UnlockUserResponse };
  SetUserPrimaryOrganizationalUnit: {
    request: SetUserPrimaryOrganizationalUnitRequest;
    response: SetUserPrimaryOrganizationalUnitResponse;
  };
  GetUser: { request: GetUserRequest; response: GetUserResponse };
  ListUsers: { request: ListUsersRequest; response: ListUsersResponse };
  CreateOrganizationalUnit: {
    request: CreateOrganizationalUnitRequest;
    response: CreateOrganizationalUnitResponse;
  };
  DeleteOrganizationalUnit: {
    request: DeleteOrganizationalUnitRequest;
    response: DeleteOrganizationalUnitResponse;
  };
  DeleteOrganizationalUnitChildren: {
    request: DeleteOrganizationalUnitChildrenRequest;
    response: DeleteOrganizationalUnitChildrenResponse;
  };
  UpdateOrganizationalUnit: {
    request: UpdateOrganizationalUnitRequest;
    response: UpdateOrganizationalUnitResponse;
  };
  UpdateOrganizationalUnitDescription: {
    request: UpdateOrganizationalUnitDescriptionRequest;
    response: UpdateOrganizationalUnitDescriptionResponse;
  };
  UpdateOrganizationalUnitParentId: {
    request: UpdateOrganizationalUnitParentIdRequest;
    response: UpdateOrganizationalUnitParentIdResponse;
  };
  GetRootOrganizationalUnit: {
    request: GetRootOrganizationalUnitRequest;
    response: GetRootOrganizationalUnitResponse;
  };
  GetOrganizationalUnit: { request: GetOrganizationalUnitRequest; response: GetOrganizationalUnitResponse };
  ListOrganizationalUnits: {
    request: ListOrganizationalUnitsRequest;
    response: ListOrganizationalUnitsResponse;
  };
  CreateGroup: { request: CreateGroupRequest; response: CreateGroupResponse };
  AddUsersToGroup: { request: AddUsersToGroupRequest; response: AddUsersToGroupResponse };
  DeleteGroup: { request: DeleteGroupRequest; response: DeleteGroupResponse };
  RemoveUsersFromGroup: { request: RemoveUsersFromGroupRequest; response: RemoveUsersFromGroupResponse };
  UpdateGroup: { request: UpdateGroupRequest; response: UpdateGroupResponse };
  UpdateGroupDescription: {
    request: UpdateGroupDescriptionRequest;
    response: UpdateGroupDescriptionResponse;
  };
  GetGroup: { request: GetGroupRequest; response: GetGroupResponse };
  ListGroups: { request: ListGroupsRequest; response: ListGroupsResponse };
  ListUsersForGroup: { request: ListUsersForGroupRequest; response: ListUsersForGroupResponse };
  ListGroupsForUser: { request: ListGroupsForUserRequest; response: ListGroupsForUserResponse };
  SetForgetPasswordConfiguration: {
    request: SetForgetPasswordConfigurationRequest;
    response: SetForgetPasswordConfigurationResponse;
  };
  SetPasswordInitializationConfiguration: {
    request: SetPasswordInitializationConfigurationRequest;
    response: SetPasswordInitializationConfigurationResponse;
  };
  SetPasswordHistoryConfiguration: {
    request: SetPasswordHistoryConfigurationRequest;
    response: SetPasswordHistoryConfigurationResponse;
  };
  SetPasswordExpirationConfiguration: {
    request: SetPasswordExpirationConfigurationRequest;
    response: SetPasswordExpirationConfigurationResponse;
  };
  SetPasswordComplexityConfiguration: {
    request: SetPasswordComplexityConfigurationRequest;
    response: SetPasswordComplexityConfigurationResponse;
  };
  GetForgetPasswordConfiguration: {
    request: GetForgetPasswordConfigurationRequest;
    response: GetForgetPasswordConfigurationResponse;
  };
  GetPasswordInitializationConfiguration: {
    request: GetPasswordInitializationConfigurationRequest;
    response: GetPasswordInitializationConfigurationResponse;
  };
  GetPasswordHistoryConfiguration: {
    request: GetPasswordHistoryConfigurationRequest;
    response: GetPasswordHistoryConfigurationResponse;
  };
  GetPasswordExpirationConfiguration: {
    request: GetPasswordExpirationConfigurationRequest;
    response: GetPasswordExpirationConfigurationResponse;
  };
  GetPasswordComplexityConfiguration: {
    request: GetPasswordComplexityConfigurationRequest;
    response: GetPasswordComplexityConfigurationResponse;
  };
  UpdateApplicationInfo: { request: UpdateApplicationInfoRequest; response: UpdateApplicationInfoResponse };
}
