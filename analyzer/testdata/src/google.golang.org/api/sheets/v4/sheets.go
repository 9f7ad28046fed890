// Package sheets is a stub of google.golang.org/api/sheets/v4.
package sheets

import (
	"context"

	"google.golang.org/api/option"
)

type ValueRange struct{ Values [][]interface{} }

type AppendValuesResponse struct{}

type Service struct{ Spreadsheets *SpreadsheetsService }

type SpreadsheetsService struct{ Values *SpreadsheetsValuesService }

type SpreadsheetsValuesService struct{ s *Service }

func NewService(ctx context.Context, opts ...option.ClientOption) (*Service, error) {
	s := &Service{}
	s.Spreadsheets = &SpreadsheetsService{Values: &SpreadsheetsValuesService{s: s}}
	return s, nil
}

type SpreadsheetsValuesAppendCall struct{ valuerange *ValueRange }

func (r *SpreadsheetsValuesService) Append(spreadsheetId string, range_ string, valuerange *ValueRange) *SpreadsheetsValuesAppendCall {
	return &SpreadsheetsValuesAppendCall{valuerange: valuerange}
}

func (c *SpreadsheetsValuesAppendCall) ValueInputOption(valueInputOption string) *SpreadsheetsValuesAppendCall {
	return c
}

func (c *SpreadsheetsValuesAppendCall) Do() (*AppendValuesResponse, error) {
	return &AppendValuesResponse{}, nil
}

type SpreadsheetsValuesGetCall struct{}

func (r *SpreadsheetsValuesService) Get(spreadsheetId string, range_ string) *SpreadsheetsValuesGetCall {
	return &SpreadsheetsValuesGetCall{}
}

func (c *SpreadsheetsValuesGetCall) Do() (*ValueRange, error) { return &ValueRange{}, nil }
