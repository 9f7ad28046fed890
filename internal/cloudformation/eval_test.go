package cloudformation

import (
	"strings"
	"testing"
)

// TestEval gives the value of each intrinsic function in its short and
// long forms, and the reason when it is not known.
func TestEval(t *testing.T) {
	const head = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Zones: {Type: CommaDelimitedList, Default: "a, b,c"}
  NoDefault: {Type: String}
Mappings:
  Regions:
    ap-northeast-1: {Dr: ap-northeast-3}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [x, x]]
  Either: !Or [!Condition IsDev, !Equals [!Ref NoDefault, x]]
  Unknown: !Equals [!Ref NoDefault, x]
  Loop: !Condition Loop
Resources:
  Named: {Type: AWS::SQS::Queue, Properties: {QueueName: orders}}
  Unnamed: {Type: AWS::SQS::Queue}
  V:
    Type: AWS::SQS::Queue
    Properties:
`
	tests := []struct{ expr, want string }{
		{`plain`, "plain"},
		{`!Ref Env`, "prod"},
		{`{Ref: Env}`, "prod"},
		{`!Ref AWS::Region`, "ap-northeast-1"},
		{`!Ref AWS::Partition`, "aws"},
		{`!Ref AWS::URLSuffix`, "amazonaws.com"},
		{`!Ref AWS::AccountId`, "? AWS::AccountId is known only when the stack is deployed"},
		{`!Ref NoDefault`, "? parameter NoDefault has no default"},
		{`!Ref Named`, "orders"},
		{`!Ref Unnamed`, "? the name of Unnamed is chosen by CloudFormation"},
		{`!Ref Nothing`, "? Nothing is neither a parameter nor a resource of the template"},
		{`!Sub "${Env}-${AWS::Region}-${!Literal}"`, "prod-ap-northeast-1-${Literal}"},
		{`{"Fn::Sub": ["${A}.${Env}", {A: !Ref Named}]}`, "orders.prod"},
		{`!Sub "arn:aws:s3:::${Unnamed.Arn}"`, "? Unnamed.Arn is known only once the stack is deployed"},
		{`!Sub "x-${Env"`, "? Fn::Sub with an unclosed ${"},
		{`!Join ["-", [a, !Ref Env, !Select [2, !Ref Zones]]]`, "a-prod-c"},
		{`{"Fn::Join": ["", [{"Fn::Select": ["1", {"Fn::Split": [",", "x,y"]}]}]]}`, "y"},
		{`!Select [5, [a]]`, "? Fn::Select index 5 is outside the list"},
		{`!Select [0, !GetAZs ""]`, "? Fn::Select from a list that is not known: Fn::GetAZs is not evaluated"},
		{`!FindInMap [Regions, !Ref AWS::Region, Dr]`, "ap-northeast-3"},
		{`!FindInMap [Regions, eu-west-1, Dr]`, "? Fn::FindInMap names a key that is not in the mapping"},
		{`!FindInMap [Regions, eu-west-1, Dr, {DefaultValue: x}]`, "x"},
		{`!FindInMap [Regions, ap-northeast-1, Dr, {DefaultValue: x}]`, "ap-northeast-3"},
		{`!If [IsProd, p, d]`, "p"},
		{`!If [IsDev, p, d]`, "d"},
		{`!If [Both, p, d]`, "p"},
		{`!If [Either, p, d]`, "? it depends on condition Either, which the parameters' defaults do not decide"},
		{`!If [Unknown, p, d]`, "? it depends on condition Unknown, which the parameters' defaults do not decide"},
		{`!If [Missing, p, d]`, "? no condition Missing in Conditions"},
		{`!GetAtt Named.Arn`, "? Named.Arn is known only once the stack is deployed"},
		{`!GetAtt [Named, Arn]`, "? Named.Arn is known only once the stack is deployed"},
		{`!ImportValue shared-bucket`, "? it is imported from another stack (Fn::ImportValue)"},
		{`!Base64 x`, "? Fn::Base64 is not evaluated"},
		{`!Custom x`, "? Fn::Custom is not evaluated"},
		{`{a: b, c: d}`, "? a mapping, not a value"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			tm, err := parse("t.yaml", []byte(head+"      QueueName: "+tt.expr+"\n"))
			if err != nil || tm == nil {
				t.Fatalf("parse: %v %v", tm, err)
			}
			e := &evaluator{t: tm, region: val{s: "ap-northeast-1"}}
			v := e.value(get(tm.byID["V"].props, "QueueName"), 0)
			got := v.s
			if !v.known() {
				got = "? " + e.why(v)
			}
			if got != tt.want {
				t.Errorf("%s = %q, want %q", tt.expr, got, tt.want)
			}
			if e.err != nil {
				t.Errorf("error %v", e.err)
			}
		})
	}
}

// TestEvalCycle: conditions that refer to each other stop at the bound,
// as an error naming the file.
func TestEvalCycle(t *testing.T) {
	src := "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !If [A, x, y]\n"
	tm, err := parse("t.yaml", []byte(src))
	if err != nil || tm == nil {
		t.Fatal(tm, err)
	}
	e := &evaluator{t: tm}
	e.value(get(tm.byID["Q"].props, "QueueName"), 0)
	if e.err == nil || !strings.HasPrefix(e.err.Error(), "t.yaml:") {
		t.Errorf("error %v, want the bound", e.err)
	}
}
