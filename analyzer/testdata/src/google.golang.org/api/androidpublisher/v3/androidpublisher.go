// Package androidpublisher is a stub of google.golang.org/api/androidpublisher/v3.
package androidpublisher

import (
	"context"

	"google.golang.org/api/option"
)

type Service struct{ Purchases *PurchasesService }

type PurchasesService struct {
	Subscriptions *PurchasesSubscriptionsService
}

type PurchasesSubscriptionsService struct{ s *Service }

func NewService(ctx context.Context, opts ...option.ClientOption) (*Service, error) {
	s := &Service{}
	s.Purchases = &PurchasesService{Subscriptions: &PurchasesSubscriptionsService{s: s}}
	return s, nil
}

type SubscriptionPurchasesAcknowledgeRequest struct{ DeveloperPayload string }

type PurchasesSubscriptionsAcknowledgeCall struct{ token string }

func (r *PurchasesSubscriptionsService) Acknowledge(packageName string, subscriptionId string, token string, req *SubscriptionPurchasesAcknowledgeRequest) *PurchasesSubscriptionsAcknowledgeCall {
	return &PurchasesSubscriptionsAcknowledgeCall{token: token}
}

func (c *PurchasesSubscriptionsAcknowledgeCall) Do() error { return nil }

type SubscriptionPurchase struct{ ExpiryTimeMillis int64 }

type PurchasesSubscriptionsGetCall struct{ token string }

func (r *PurchasesSubscriptionsService) Get(packageName string, subscriptionId string, token string) *PurchasesSubscriptionsGetCall {
	return &PurchasesSubscriptionsGetCall{token: token}
}

func (c *PurchasesSubscriptionsGetCall) Do() (*SubscriptionPurchase, error) {
	return &SubscriptionPurchase{}, nil
}
