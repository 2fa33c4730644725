-- wrk load for CheckInBench: random devices of the bench fleet check in, each with its own token;
-- battery varies and a quarter are on metered links, so every decision path is taken.
local devices = tonumber(os.getenv("BENCH_DEVICES") or "1000000")
local bodies = {}

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  for battery = 0, 99 do
    for _, metered in ipairs({"true", "false", "false", "false"}) do
      bodies[#bodies + 1] = string.format(
        '{"version":"8.0.0","hardwareModel":"th-100","batteryPercent":%d,'
          .. '"freeStorageBytes":900000000,"network":{"type":"wifi","metered":%s,"quality":0.9},'
          .. '"localTime":"2026-11-28T03:12:00+01:00"}', battery, metered)
    end
  end
end

function request()
  local id = string.format("bench-%07d", math.random(0, devices - 1))
  return wrk.format("POST", "/device/v1/devices/" .. id .. "/check-in",
    {["Authorization"] = "Bearer bench-token-" .. id, ["Content-Type"] = "application/json"},
    bodies[math.random(1, #bodies)])
end
