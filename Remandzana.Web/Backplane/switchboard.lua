-- The shared switchboard of a scaled-out site: every membership change is one call of this
-- script, so Redis runs it atomically. KEYS[1] is the key prefix, a hash tag such as "{rz}":
-- every key below starts with it, so a Redis Cluster keeps them all in one slot.
-- ARGV[1] names the command; the rest are its arguments.
--
-- State (P = the prefix):
--   P:seq                 admission order of people (and room numbers)
--   P:p:<id>              a person: role, entry, inst, at, seq, room, mode, idx, lobbies, q, nick, warned, mod:<policy>
--   P:people              zset seq -> id, everyone connected
--   P:i:<inst>            the ids an instance serves
--   P:l:<mode>            zset seq -> id, who waits in a lobby, earliest first
--   P:r:<room>            a room: mode, at, q, n:<role> (members admitted per role)
--   P:rm:<room>           its members in admission order
--   P:ri:<room>           instance -> how many of its members that instance serves
--   P:rooms               every room whose conversation goes on
--   P:open:<mode>         the room a lobby keeps open (global chat)
--   P:instances, P:alive:<inst>   instances and their liveness (a key with an expiry)
--   P:msgs:<minute>       chat messages relayed in one minute
-- Events go to the channel P:ch:<inst> of each instance that serves someone they concern, in
-- the order of the changes, so every instance replays them in one order.

local P = KEYS[1]
local command = ARGV[1]

local function pkey(id) return P .. ':p:' .. id end

local function publish(inst, event)
  redis.call('PUBLISH', P .. ':ch:' .. inst, cjson.encode(event))
end

local function room_instances(room)
  return redis.call('HKEYS', P .. ':ri:' .. room)
end

local function publish_room(room, event)
  for _, inst in ipairs(room_instances(room)) do publish(inst, event) end
end

local function member_copy(id)
  local f = redis.call('HMGET', pkey(id), 'role', 'nick')
  local copy = { id = id, role = f[1] }
  if f[2] then copy.nick = f[2] end
  return copy
end

local function leave_lobbies(id)
  local lobbies = redis.call('HGET', pkey(id), 'lobbies')
  if lobbies then
    for mode in string.gmatch(lobbies, '%S+') do redis.call('ZREM', P .. ':l:' .. mode, id) end
    redis.call('HDEL', pkey(id), 'lobbies')
  end
end

-- Forgets a person; their instance ends their stream once it has shown what is queued.
local function release(id)
  local inst = redis.call('HGET', pkey(id), 'inst')
  leave_lobbies(id)
  redis.call('DEL', pkey(id))
  redis.call('ZREM', P .. ':people', id)
  if inst then
    redis.call('SREM', P .. ':i:' .. inst, id)
    publish(inst, { t = 'gone', id = id })
  end
end

local function new_room(mode, now, question)
  local room = 'room-' .. redis.call('INCR', P .. ':roomseq')
  redis.call('HSET', P .. ':r:' .. room, 'mode', mode, 'at', now)
  if question then redis.call('HSET', P .. ':r:' .. room, 'q', question) end
  redis.call('SADD', P .. ':rooms', room)
  return room
end

local function forget_room(room, mode)
  redis.call('DEL', P .. ':r:' .. room, P .. ':rm:' .. room, P .. ':ri:' .. room)
  redis.call('SREM', P .. ':rooms', room)
  if redis.call('GET', P .. ':open:' .. mode) == room then redis.call('DEL', P .. ':open:' .. mode) end
end

local function admit(room, mode, id)
  leave_lobbies(id)
  local f = redis.call('HMGET', pkey(id), 'role', 'inst')
  local idx = redis.call('HINCRBY', P .. ':r:' .. room, 'n:' .. f[1], 1) - 1
  redis.call('RPUSH', P .. ':rm:' .. room, id)
  redis.call('HINCRBY', P .. ':ri:' .. room, f[2], 1)
  redis.call('HSET', pkey(id), 'room', room, 'mode', mode, 'idx', idx)
end

-- needs: "Talker=2" or "Asker=1,Talker=2". An asker is ready once their question is set.
local function next_members(mode, needs)
  local wanted, short = {}, 0
  for role, count in string.gmatch(needs, '(%a+)=(%d+)') do
    wanted[role] = tonumber(count)
    short = short + tonumber(count)
  end
  local picked = {}
  for _, id in ipairs(redis.call('ZRANGE', P .. ':l:' .. mode, 0, -1)) do
    local f = redis.call('HMGET', pkey(id), 'role', 'q')
    local role = f[1]
    if role and (wanted[role] or 0) > 0 and (role ~= 'Asker' or f[2]) then
      wanted[role] = wanted[role] - 1
      short = short - 1
      picked[#picked + 1] = id
      if short == 0 then return picked end
    end
  end
  return nil
end

local function form_rooms(mode, needs, now)
  while true do
    local members = next_members(mode, needs)
    if not members then return end
    local question = nil
    for _, id in ipairs(members) do
      local f = redis.call('HMGET', pkey(id), 'role', 'q')
      if f[1] == 'Asker' then question = f[2] end
    end
    local room = new_room(mode, now, question)
    local copies = {}
    for _, id in ipairs(members) do
      admit(room, mode, id)
      copies[#copies + 1] = member_copy(id)
    end
    publish_room(room, { t = 'formed', room = room, mode = mode, at = tonumber(now), q = question, members = copies })
  end
end

-- Into the room the lobby keeps open, or a new one; a newcomer never waits (global chat).
local function enter_open_room(mode, id, inst, now)
  local room = redis.call('GET', P .. ':open:' .. mode)
  if not room then
    room = new_room(mode, now, nil)
    redis.call('SET', P .. ':open:' .. mode, room)
  end
  local had_copy = redis.call('HEXISTS', P .. ':ri:' .. room, inst) == 1
  admit(room, mode, id)
  local newcomer = member_copy(id)
  for _, other in ipairs(room_instances(room)) do
    if other == inst and not had_copy then
      local copies = {}
      for _, member in ipairs(redis.call('LRANGE', P .. ':rm:' .. room, 0, -1)) do copies[#copies + 1] = member_copy(member) end
      local at = tonumber(redis.call('HGET', P .. ':r:' .. room, 'at'))
      publish(other, { t = 'formed', room = room, mode = mode, at = at, members = copies, newcomer = id })
    else
      publish(other, { t = 'joined', room = room, member = newcomer })
    end
  end
end

local function remove(id)
  if redis.call('EXISTS', pkey(id)) == 0 then return 0 end
  local f = redis.call('HMGET', pkey(id), 'room', 'mode', 'inst')
  local room, mode, inst = f[1], f[2], f[3]
  if not room then
    release(id)
    return 1
  end
  local instances = room_instances(room)
  redis.call('LREM', P .. ':rm:' .. room, 0, id)
  if redis.call('HINCRBY', P .. ':ri:' .. room, inst, -1) <= 0 then redis.call('HDEL', P .. ':ri:' .. room, inst) end
  local remaining = redis.call('LRANGE', P .. ':rm:' .. room, 0, -1)
  local over = mode ~= 'Global' and #remaining == 1
  for _, other in ipairs(instances) do publish(other, { t = 'left', room = room, id = id, over = over }) end
  redis.call('HDEL', pkey(id), 'room')
  release(id)
  if over or #remaining == 0 then
    for _, other in ipairs(remaining) do release(other) end
    forget_room(room, mode)
  end
  return 1
end

if command == 'join' then
  -- id, entry, role, inst, now, then per lobby in the order to try: mode, needs, keeps-open (1/0)
  local id, entry, role, inst, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
  local seq = redis.call('INCR', P .. ':seq')
  redis.call('HSET', pkey(id), 'role', role, 'entry', entry, 'inst', inst, 'at', now, 'seq', seq)
  redis.call('ZADD', P .. ':people', seq, id)
  redis.call('SADD', P .. ':i:' .. inst, id)
  local i = 7
  while ARGV[i] do
    local mode, needs, open = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    if open == '1' then
      enter_open_room(mode, id, inst, now)
    else
      redis.call('ZADD', P .. ':l:' .. mode, seq, id)
      local lobbies = redis.call('HGET', pkey(id), 'lobbies')
      redis.call('HSET', pkey(id), 'lobbies', lobbies and (lobbies .. ' ' .. mode) or mode)
      form_rooms(mode, needs, now)
    end
    if redis.call('HEXISTS', pkey(id), 'room') == 1 then break end
    i = i + 3
  end
  return 1

elseif command == 'leave' then
  return remove(ARGV[2])

elseif command == 'send' then
  -- id, text, minute, is-command (1/0), then the modes whose policies the text violates.
  -- Returns {outcome, mode, room}: relayed | command | violates | notroom | silenced | departed.
  local id, text, minute, is_command = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
  local f = redis.call('HMGET', pkey(id), 'role', 'room', 'mode')
  if not f[1] then return { 'departed' } end
  if f[1] == 'Asker' then return { 'silenced' } end
  local room, mode = f[2], f[3]
  if not room then
    if redis.call('HSETNX', pkey(id), 'warned', '1') == 1 then
      publish(redis.call('HGET', pkey(id), 'inst'), { t = 'warned', id = id })
    end
    return { 'notroom' }
  end
  if mode == 'Global' and is_command == '1' then return { 'command', mode, room } end
  for i = 6, #ARGV do
    if ARGV[i] == mode then return { 'violates', mode, room } end
  end
  publish_room(room, { t = 'msg', room = room, id = id, text = text })
  local counter = P .. ':msgs:' .. minute
  redis.call('INCR', counter)
  redis.call('EXPIRE', counter, 90000)
  return { 'relayed', mode, room }

elseif command == 'command' then
  -- id, room, typed, answer, nickname or ''
  local id, room, typed, answer, nick = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
  local f = redis.call('HMGET', pkey(id), 'room', 'inst')
  if f[1] ~= room then return 0 end
  local event = { t = 'cmd', room = room, id = id, text = typed, answer = answer }
  if nick ~= '' then
    redis.call('HSET', pkey(id), 'nick', nick)
    event.nick = nick
  end
  publish(f[2], event)
  if nick ~= '' then
    for _, other in ipairs(room_instances(room)) do
      if other ~= f[2] then publish(other, { t = 'renamed', room = room, id = id, nick = nick }) end
    end
  end
  return 1

elseif command == 'violation' then
  -- id, policy name: counts the violation, returns the new count (0: the person is gone).
  if redis.call('EXISTS', pkey(ARGV[2])) == 0 then return 0 end
  return redis.call('HINCRBY', pkey(ARGV[2]), 'mod:' .. ARGV[3], 1)

elseif command == 'tell' then
  -- id, notice kind, text, then 1 to end their conversation after telling them.
  local id = ARGV[2]
  local inst = redis.call('HGET', pkey(id), 'inst')
  if not inst then return 0 end
  publish(inst, { t = 'tell', id = id, kind = ARGV[3], text = ARGV[4] })
  if ARGV[5] == '1' then remove(id) end
  return 1

elseif command == 'question' then
  -- id, question, now, needs of the question lobby. Returns accepted | notallowed | departed.
  local id, question, now, needs = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
  local f = redis.call('HMGET', pkey(id), 'role', 'q', 'inst')
  if not f[1] then return 'departed' end
  if f[1] ~= 'Asker' or f[2] then return 'notallowed' end
  redis.call('HSET', pkey(id), 'q', question)
  publish(f[3], { t = 'question', id = id, text = question })
  form_rooms('Question', needs, now)
  return 'accepted'

elseif command == 'asking' then
  -- id: whether they may still submit a question: asker | notallowed | departed.
  local f = redis.call('HMGET', pkey(ARGV[2]), 'role', 'q')
  if not f[1] then return 'departed' end
  if f[1] ~= 'Asker' or f[2] then return 'notallowed' end
  return 'asker'

elseif command == 'role' then
  return redis.call('HGET', pkey(ARGV[2]), 'role')

elseif command == 'sides' then
  -- Askers and discussers waiting in question mode.
  local askers, discussers = 0, 0
  for _, id in ipairs(redis.call('ZRANGE', P .. ':l:Question', 0, -1)) do
    if redis.call('HGET', pkey(id), 'role') == 'Asker' then askers = askers + 1 else discussers = discussers + 1 end
  end
  return { askers, discussers }

elseif command == 'alive' then
  -- inst, milliseconds: this instance is alive for that long.
  redis.call('SADD', P .. ':instances', ARGV[2])
  redis.call('SET', P .. ':alive:' .. ARGV[2], '1', 'PX', ARGV[3])
  return 1

elseif command == 'bury' then
  -- inst, and 1 to bury it only if its liveness key expired: everyone it served leaves.
  local inst = ARGV[2]
  if ARGV[3] == '1' and redis.call('EXISTS', P .. ':alive:' .. inst) == 1 then return -1 end
  local removed = 0
  for _, id in ipairs(redis.call('SMEMBERS', P .. ':i:' .. inst)) do removed = removed + remove(id) end
  redis.call('DEL', P .. ':i:' .. inst)
  if ARGV[3] == '1' then redis.call('SREM', P .. ':instances', inst) end
  return removed

elseif command == 'snapshot' then
  local people = {}
  for _, id in ipairs(redis.call('ZRANGE', P .. ':people', 0, -1)) do
    local h = redis.call('HGETALL', pkey(id))
    local person = { id = id, violations = {} }
    for i = 1, #h, 2 do
      local field, value = h[i], h[i + 1]
      if string.sub(field, 1, 4) == 'mod:' then person.violations[string.sub(field, 5)] = tonumber(value)
      else person[field] = value end
    end
    people[#people + 1] = person
  end
  local lobbies = {}
  for i = 2, #ARGV do
    local mode = ARGV[i]
    lobbies[#lobbies + 1] = { mode = mode, waiting = redis.call('ZRANGE', P .. ':l:' .. mode, 0, -1), open = redis.call('GET', P .. ':open:' .. mode) or '' }
  end
  local rooms = {}
  for _, room in ipairs(redis.call('SMEMBERS', P .. ':rooms')) do
    local h = redis.call('HMGET', P .. ':r:' .. room, 'mode', 'at')
    local members = {}
    for _, id in ipairs(redis.call('LRANGE', P .. ':rm:' .. room, 0, -1)) do
      local f = redis.call('HMGET', pkey(id), 'role', 'idx')
      members[#members + 1] = { id = id, role = f[1] or '', idx = tonumber(f[2] or '0') }
    end
    rooms[#rooms + 1] = { id = room, mode = h[1], at = tonumber(h[2]), members = members }
  end
  return cjson.encode({ people = people, lobbies = lobbies, rooms = rooms, instances = redis.call('SMEMBERS', P .. ':instances') })
end

return redis.error_reply('unknown command ' .. tostring(command))
