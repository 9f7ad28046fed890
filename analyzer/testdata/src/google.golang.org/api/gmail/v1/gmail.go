// Package gmail is a stub of google.golang.org/api/gmail/v1.
package gmail

import (
	"context"

	"google.golang.org/api/option"
)

type Message struct{ Raw string }

type ListMessagesResponse struct{ Messages []*Message }

type Service struct{ Users *UsersService }

type UsersService struct{ Messages *UsersMessagesService }

type UsersMessagesService struct{ s *Service }

func NewService(ctx context.Context, opts ...option.ClientOption) (*Service, error) {
	s := &Service{}
	s.Users = &UsersService{Messages: &UsersMessagesService{s: s}}
	return s, nil
}

type UsersMessagesSendCall struct{ message *Message }

func (r *UsersMessagesService) Send(userId string, message *Message) *UsersMessagesSendCall {
	return &UsersMessagesSendCall{message: message}
}

func (c *UsersMessagesSendCall) Do() (*Message, error) { return &Message{}, nil }

type UsersMessagesListCall struct{ q string }

func (r *UsersMessagesService) List(userId string) *UsersMessagesListCall {
	return &UsersMessagesListCall{}
}

func (c *UsersMessagesListCall) Q(q string) *UsersMessagesListCall {
	c.q = q
	return c
}

func (c *UsersMessagesListCall) Do() (*ListMessagesResponse, error) {
	return &ListMessagesResponse{}, nil
}
