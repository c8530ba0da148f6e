import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBody } from '../../src/response/body.js'
import { normalizeHeaders } from '../../src/response/headers.js'
import type { Body, HeaderMap } from '../../src/response/model.js'
import { bodyishText } from '../arbitraries.js'

const typed = (contentType?: string): HeaderMap => normalizeHeaders(contentType === undefined ? {} : { 'Content-Type': contentType })
const read = (contentType: string | undefined, text: string): Body => readBody(typed(contentType), text)

const AS_ERROR = '{"error_msg": "The format of message is error", "error_code": "AS.0001"}'
const AS_BROKEN = '{\n    "error_msg": The request message format is invalid.",\n    "error_code": "AS.0001"\n}'
const OBS_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>0000018A</RequestId><HostId>aG9zdA==</HostId><Resource>/b</Resource></Error>'
const OBS_ELEMENTS = new Map([
  ['Code', 'NoSuchBucket'],
  ['Message', 'The specified bucket does not exist'],
  ['RequestId', '0000018A'],
  ['HostId', 'aG9zdA=='],
  ['Resource', '/b'],
])
const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

describe('readBody: JSON', () => {
  it('parses JSON under every JSON content type', () => {
    for (const type of ['application/json', 'application/json;charset=UTF-8', 'text/json', 'application/problem+json', 'application/vnd.api+json', 'application/x-json']) {
      expect(read(type, AS_ERROR)).toEqual({ _tag: 'Json', value: { error_msg: 'The format of message is error', error_code: 'AS.0001' }, text: AS_ERROR })
    }
  })

  it('sniffs JSON without a header or under a lying one', () => {
    for (const type of [undefined, 'text/plain', 'text/html', 'application/xml', 'application/octet-stream', 'garbage']) {
      expect(read(type, AS_ERROR)).toEqual({ _tag: 'Json', value: { error_msg: 'The format of message is error', error_code: 'AS.0001' }, text: AS_ERROR })
    }
  })

  it('parses arrays and keeps the original text, surrounding whitespace included', () => {
    const text = '\n  [{"code":"APIGW.0308"}]  \n'
    expect(read('application/json', text)).toEqual({ _tag: 'Json', value: [{ code: 'APIGW.0308' }], text })
  })

  it('reads JSON scalars as JSON', () => {
    expect(read('application/json', '"Unauthorized"')).toEqual({ _tag: 'Json', value: 'Unauthorized', text: '"Unauthorized"' })
    expect(read(undefined, '42')).toEqual({ _tag: 'Json', value: 42, text: '42' })
    expect(read(undefined, '-1.5e3')).toEqual({ _tag: 'Json', value: -1500, text: '-1.5e3' })
    expect(read('application/json', ' true ')).toEqual({ _tag: 'Json', value: true, text: ' true ' })
    expect(read('application/json', 'false')).toEqual({ _tag: 'Json', value: false, text: 'false' })
    expect(read('application/json', 'null')).toEqual({ _tag: 'Json', value: null, text: 'null' })
  })

  it('gives BrokenJson for an object that does not parse, whatever the header says', () => {
    for (const type of [undefined, 'application/json', 'text/plain', 'text/html']) {
      expect(read(type, AS_BROKEN)).toEqual({ _tag: 'BrokenJson', text: AS_BROKEN })
    }
    expect(read('application/json', '{"error_code": "AS.0001"')).toEqual({ _tag: 'BrokenJson', text: '{"error_code": "AS.0001"' })
  })

  it('gives BrokenJson for a broken array unless the header names a non-JSON type', () => {
    expect(read('application/json', '[1, 2')).toEqual({ _tag: 'BrokenJson', text: '[1, 2' })
    expect(read(undefined, '[1, 2')).toEqual({ _tag: 'BrokenJson', text: '[1, 2' })
    expect(read('text/plain', '[INFO] upstream timed out')).toEqual({ _tag: 'Text', text: '[INFO] upstream timed out' })
    expect(read('text/html', '[x]')).toEqual({ _tag: 'Html', title: null, text: '[x]' })
  })

  it('gives BrokenJson for non-JSON text under a JSON header', () => {
    expect(read('application/json', 'Internal Server Error')).toEqual({ _tag: 'BrokenJson', text: 'Internal Server Error' })
    expect(read('application/json', '404 page not found')).toEqual({ _tag: 'BrokenJson', text: '404 page not found' })
  })

  it('reads a leading BOM in a string as whitespace', () => {
    expect(read('application/json', '\uFEFF{"a":1}')).toEqual({ _tag: 'Json', value: { a: 1 }, text: '\uFEFF{"a":1}' })
  })

  it('gives BrokenJson for nesting too deep for JSON.parse', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000)
    const body = read('application/json', deep)
    expect(body._tag === 'Json' || body._tag === 'BrokenJson').toBe(true)
  })
})

describe('readBody: XML', () => {
  it('reads XML under every XML content type', () => {
    for (const type of ['application/xml', 'text/xml', 'application/atom+xml', 'application/xml; charset=utf-8']) {
      expect(read(type, OBS_ERROR)).toEqual({ _tag: 'Xml', root: 'Error', elements: OBS_ELEMENTS, text: OBS_ERROR })
    }
  })

  it('sniffs XML without a header or under a lying one', () => {
    for (const type of [undefined, 'application/json', 'text/plain', 'application/octet-stream']) {
      expect(read(type, OBS_ERROR)).toEqual({ _tag: 'Xml', root: 'Error', elements: OBS_ELEMENTS, text: OBS_ERROR })
    }
    expect(read(undefined, '<Error><Code>AccessDenied</Code></Error>')).toEqual({
      _tag: 'Xml',
      root: 'Error',
      elements: new Map([['Code', 'AccessDenied']]),
      text: '<Error><Code>AccessDenied</Code></Error>',
    })
  })

  it('an XML document without elements is Xml under an XML header, else Text', () => {
    expect(read('application/xml', '<?xml version="1.0"?>')).toEqual({ _tag: 'Xml', root: null, elements: new Map(), text: '<?xml version="1.0"?>' })
    expect(read(undefined, '<!-- nothing -->')).toEqual({ _tag: 'Text', text: '<!-- nothing -->' })
  })

  it('an HTML-like root stays XML under an XML header', () => {
    expect(read('application/xml', '<p>x</p>')).toEqual({ _tag: 'Xml', root: 'p', elements: new Map([['p', 'x']]), text: '<p>x</p>' })
  })

  it('non-markup under an XML header is Text', () => {
    expect(read('application/xml', 'Service Unavailable')).toEqual({ _tag: 'Text', text: 'Service Unavailable' })
  })
})

describe('readBody: HTML', () => {
  it('reads a gateway error page with its title', () => {
    expect(read('text/html', NGINX_502)).toEqual({ _tag: 'Html', title: '502 Bad Gateway', text: NGINX_502 })
  })

  it('sniffing wins over a JSON or XML header', () => {
    for (const type of ['application/json', 'application/xml', undefined, 'text/plain']) {
      expect(read(type, NGINX_502)).toEqual({ _tag: 'Html', title: '502 Bad Gateway', text: NGINX_502 })
    }
  })

  it('recognises doctypes, XHTML and comments before <html>', () => {
    const apache = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head></html>'
    expect(read(undefined, apache)).toEqual({ _tag: 'Html', title: '503 Service Unavailable', text: apache })
    const xhtml = '<?xml version="1.0"?>\n<!-- gateway -->\n<!doctype html><HTML><TITLE>Error &amp; more</TITLE></HTML>'
    expect(read('application/xml', xhtml)).toEqual({ _tag: 'Html', title: 'Error & more', text: xhtml })
  })

  it('an HTML fragment is Html, by its root or by the header', () => {
    expect(read(undefined, '<h1>Bad Gateway</h1>')).toEqual({ _tag: 'Html', title: null, text: '<h1>Bad Gateway</h1>' })
    expect(read(undefined, '<HEAD><TITLE>Gateway\n  Timeout</TITLE></HEAD>')).toEqual({
      _tag: 'Html',
      title: 'Gateway Timeout',
      text: '<HEAD><TITLE>Gateway\n  Timeout</TITLE></HEAD>',
    })
    expect(read('text/html', '<Error><Code>x</Code></Error>')).toEqual({ _tag: 'Html', title: null, text: '<Error><Code>x</Code></Error>' })
  })

  it('non-markup under text/html is Html without a title', () => {
    expect(read('text/html', 'Bad Gateway')).toEqual({ _tag: 'Html', title: null, text: 'Bad Gateway' })
  })

  it('finds titles with attributes, skips <titles>, and gives null for an empty title', () => {
    const text = '<html><titles>no</titles><title lang="en"> Too   Many\tRequests </title></html>'
    expect(read(undefined, text)).toEqual({ _tag: 'Html', title: 'Too Many Requests', text })
    expect(read(undefined, '<html><title> </title></html>')).toEqual({ _tag: 'Html', title: null, text: '<html><title> </title></html>' })
    expect(read(undefined, '<html><title>Unclosed<body>')).toEqual({ _tag: 'Html', title: 'Unclosed', text: '<html><title>Unclosed<body>' })
    expect(read(undefined, '<html><title')).toEqual({ _tag: 'Html', title: null, text: '<html><title' })
  })

  it('is not fooled by <htmlx> roots', () => {
    expect(read(undefined, '<htmlx><a>1</a></htmlx>')._tag).toBe('Xml')
  })
})

describe('readBody: text and empty', () => {
  it('gives Empty for no text or whitespace only', () => {
    for (const text of ['', ' ', '\r\n\t ', '\uFEFF']) {
      expect(read('application/json', text)).toEqual({ _tag: 'Empty' })
      expect(read(undefined, text)).toEqual({ _tag: 'Empty' })
    }
  })

  it('gives Text for anything else', () => {
    expect(read('text/plain', 'upstream connect error or disconnect/reset before headers')).toEqual({
      _tag: 'Text',
      text: 'upstream connect error or disconnect/reset before headers',
    })
    expect(read(undefined, 'Not Found')).toEqual({ _tag: 'Text', text: 'Not Found' })
    expect(read(undefined, '<3 stray markup')).toEqual({ _tag: 'Text', text: '<3 stray markup' })
    expect(read(undefined, 'trueish')).toEqual({ _tag: 'Text', text: 'trueish' })
    expect(read('text/plain', '12 apples')).toEqual({ _tag: 'Text', text: '12 apples' })
  })

  it('is total on bad input', () => {
    expect(readBody(typed(), 42 as unknown as string)).toEqual({ _tag: 'Empty' })
    expect(readBody(null as unknown as HeaderMap, '{"a":1}')).toEqual({ _tag: 'Json', value: { a: 1 }, text: '{"a":1}' })
  })
})

describe('readBody properties', () => {
  const contentType = fc.option(fc.oneof(fc.constantFrom('application/json', 'text/html', 'application/xml', 'text/plain', 'application/problem+json', 'image/png'), fc.string()), {
    nil: undefined,
  })

  it('never throws, and keeps the original text', () => {
    fc.assert(
      fc.property(contentType, bodyishText, (type, text) => {
        const body = read(type, text)
        if (body._tag === 'Empty') expect(text.trim()).toBe('')
        else expect(body.text).toBe(text)
      }),
      { numRuns: 3000 },
    )
  })

  it('any JSON value reads back as itself', () => {
    fc.assert(
      fc.property(contentType, fc.jsonValue(), (type, value) => {
        const text = JSON.stringify(value)
        expect(read(type, text)).toEqual({ _tag: 'Json', value: JSON.parse(text) as unknown, text })
      }),
    )
  })
})

describe('readBody: members without braces', () => {
  it('reads members copied without their braces as broken JSON, whatever the header says', () => {
    for (const type of [undefined, 'text/plain', 'application/json', 'text/html']) {
      for (const text of ['"error_code": "AS.0001", "error_msg": "x"', "'error_code': 'AS.0001'", '"error_code\n" : "AS.0001"', '"error_code"*ABC.0001"']) {
        expect(read(type, text)).toEqual({ _tag: 'BrokenJson', text })
      }
    }
  })

  it('a quoted string that is no key stays what it was', () => {
    expect(read(undefined, '"Forbidden"')).toEqual({ _tag: 'Json', value: 'Forbidden', text: '"Forbidden"' })
    expect(read(undefined, '"Forbidden", said the gateway')).toEqual({ _tag: 'Text', text: '"Forbidden", said the gateway' })
    expect(read('text/plain', '"quoted" words')).toEqual({ _tag: 'Text', text: '"quoted" words' })
    expect(read(undefined, "'tis the season")).toEqual({ _tag: 'Text', text: "'tis the season" })
  })
})

describe('readBody: HTML pasted with line breaks inside tags', () => {
  it('is still HTML, with its title', () => {
    const text = '<html\n lang="en"><head><title\n>404 Not Found</title\n></head><body><p\n class="x">No such VPC.</p\n></body></html>'
    expect(read(undefined, text)).toEqual({ _tag: 'Html', title: '404 Not Found', text })
    const fragment = '<p\n class="error">The token has expired.</p\n>'
    expect(read(undefined, fragment)).toEqual({ _tag: 'Html', title: null, text: fragment })
  })
})
