<?php
// Golden fixtures for the event decoders, written by PHP itself so the bytes are exactly what Bitrix24 sends.
//
// For each ONIMBOTV2* type this builds the event once (the data of the spec's §5.6 samples, with a few
// variations that exercise the encoding: nulls, false, true, empty arrays, non-ASCII text, spaces and "+"),
// then writes it in the three shapes a host receives:
//   Webhook/<TYPE>.form.txt  http_build_query($payload)  - the real webhook body (spec §5.3)
//   Webhook/<TYPE>.json      json_encode($payload)        - the JSON body some handlers post instead (§10.1)
//   Fetch/<TYPE>.json        one element of Event.get's result.events[] (§5.2, §5.6)
//
// Run from anywhere: php make-webhook-fixtures.php  (rewrites the files next to this script)

$dir = __DIR__;
@mkdir("$dir/Webhook");
@mkdir("$dir/Fetch");

// These token values are fakes; the tests check that none of them ever shows up in ToString output.
$botAuth = [
    'access_token' => 'FAKEACCESSTOKEN0000000000000000000000000000000000',
    'expires' => 1736933460,
    'expires_in' => 3600,
    'scope' => 'imbot,im',
    'domain' => 'some-domain.bitrix24.com',
    'server_endpoint' => 'https://oauth.bitrix.info/rest/',
    'status' => 'L',
    'client_endpoint' => 'https://some-domain.bitrix24.com/rest/',
    'member_id' => 'a223c6b3710f85df22e9377d6c4f7553',
    'user_id' => 1,
    'application_token' => 'FAKEBOTAPPTOKEN831c',
];
$topAuth = [
    'domain' => 'some-domain.bitrix24.com',
    'client_endpoint' => 'https://some-domain.bitrix24.com/rest/',
    'server_endpoint' => 'https://oauth.bitrix.info/rest/',
    'member_id' => 'a223c6b3710f85df22e9377d6c4f7553',
    'application_token' => 'TESTAPPTOKEN',
];
$botExtended = [
    'id' => 456, 'code' => 'support_bot', 'type' => 'bot', 'isHidden' => false, 'isSupportOpenline' => false,
    'isReactionsEnabled' => true, 'backgroundId' => null, 'language' => 'en', 'moduleId' => 'rest',
    'eventMode' => 'fetch', 'countMessage' => 150, 'countCommand' => 3, 'countChat' => 12, 'countUser' => 45,
];
$botWebhook = ['id' => 456, 'code' => 'support_bot', 'auth' => $botAuth];

$user = [
    'id' => 1, 'active' => true, 'name' => 'John Smith', 'firstName' => 'John', 'lastName' => 'Smith',
    'workPosition' => 'Developer', 'color' => '#df532d', 'avatar' => '', 'gender' => 'M', 'birthday' => '',
    'extranet' => false, 'bot' => false, 'connector' => false, 'externalAuthId' => 'default', 'status' => 'online',
    'idle' => false, 'lastActivityDate' => '2025-01-15T10:29:00+02:00', 'absent' => false,
    'departments' => [1, 7], 'phones' => false, 'type' => 'employee',
];
$chat = [
    'id' => 5, 'dialogId' => 'chat5', 'type' => 'chat', 'name' => 'Support Chat', 'entityType' => '',
    'owner' => 1, 'avatar' => '', 'color' => '#ab7761', 'textFieldEnabled' => 'Y',
];
$message = [
    'id' => 789, 'chatId' => 5, 'authorId' => 1, 'date' => '2025-01-15T10:30:00+02:00', 'text' => 'Hello bot!',
    'isSystem' => false, 'uuid' => '', 'forward' => null, 'params' => [], 'viewedByOthers' => false,
];

$events = [
    'ONIMBOTV2MESSAGEADD' => [1002, '2025-01-15T10:31:00+02:00', [
        'message' => $message, 'chat' => $chat, 'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2MESSAGEUPDATE' => [1003, '2025-01-15T10:32:00+02:00', [
        'message' => ['text' => 'Привет, мир! & 100% <ok>', 'params' => ['IS_EDITED' => 'Y', 'FILE_ID' => [12, 13]]] + $message,
        'chat' => ['color' => null, 'description' => 'Team "A" + friends'] + $chat,
        'user' => ['departments' => [], 'lastName' => 'Smith-Jones'] + $user,
        'language' => 'en',
    ]],
    'ONIMBOTV2MESSAGEDELETE' => [1004, '2025-01-15T10:33:00+02:00', [
        'messageId' => 789, 'chat' => $chat, 'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2JOINCHAT' => [1001, '2025-01-15T10:30:00+02:00', [
        'dialogId' => 'chat5', 'chat' => ['name' => 'Project Chat', 'textFieldEnabled' => 'N'] + $chat,
        'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2COMMANDADD' => [1005, '2025-01-15T10:34:00+02:00', [
        'command' => ['id' => 78, 'command' => '/help', 'params' => 'topic a+b c', 'context' => 'keyboard'],
        'message' => [
            'id' => 790, 'text' => '/help topic a+b c',
            'forward' => ['id' => 700, 'userId' => 3, 'chatId' => 9, 'date' => '2025-01-14T09:00:00+02:00'],
        ] + $message,
        'chat' => $chat, 'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2REACTIONCHANGE' => [1006, '2025-01-15T10:35:00+02:00', [
        'reaction' => 'like', 'action' => 'add',
        'message' => ['authorId' => 456, 'text' => 'Hello! How can I help?', 'viewedByOthers' => true] + $message,
        'chat' => $chat, 'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2CONTEXTGET' => [1007, '2025-01-15T10:36:00+02:00', [
        'dialogId' => '1',
        'context' => [
            'entityId' => 164, 'entityType' => 'task', 'source' => 'link',
            'flags' => ['urgent' => true, 'archived' => false], 'tags' => [], 'note' => null,
        ],
        'chat' => ['dialogId' => '1', 'type' => 'private', 'name' => '', 'owner' => 456] + $chat,
        'user' => $user, 'language' => 'en',
    ]],
    'ONIMBOTV2DELETE' => [1008, '2025-01-15T10:37:00+02:00', []],
];

foreach ($events as $type => [$eventId, $date, $data]) {
    $webhook = [
        'event' => $type,
        'data' => ['bot' => $botWebhook] + $data,
        'ts' => strtotime($date),
        'auth' => $topAuth,
    ];
    file_put_contents("$dir/Webhook/$type.form.txt", http_build_query($webhook));
    file_put_contents("$dir/Webhook/$type.json", json_encode($webhook));

    $fetch = ['eventId' => $eventId, 'type' => $type, 'date' => $date, 'data' => ['bot' => $botExtended] + $data];
    file_put_contents(
        "$dir/Fetch/$type.json",
        json_encode($fetch, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n");
}

echo 'wrote ' . count($events) . " events\n";
